/** The text a new, blank draft starts from: the smallest rulebook that passes every check. Pure. */

/** A blank rulebook: one scenario with one fact, one section, one question, one conclusion, one authority. */
export function blankRulebook(id = 'new-rulebook'): string {
  return `# yaml-language-server: $schema=../schemas/rulebook.schema.json
format: casework-rulebook/1
id: ${id}
version: 0.1.0
title: A new rulebook
authors:
  - name: Your name
licence: CC-BY-4.0
summary: What this rulebook teaches, and how to use it.
scenarios:
  - id: main
    title: The scenario
    summary: The facts the questions are applied to.
    facts:
      - id: first-fact
        text: State A's drone fired a missile at a warehouse in State B.
        certainty: reported
        source: reported by media
sections:
  - id: force
    title: The prohibition of force
questions:
  - id: use-of-force
    section: force
    prompt: Was the strike a use of force under article 2(4) of the UN Charter?
    answer:
      kind: yes-no
    rule: Article 2(4) forbids the threat or use of force against any State.
    authorities:
      - authority: un-charter
        pinpoint: art. 2(4)
    facts: [first-fact]
conclusions:
  - id: force-used
    kind: finding
    statement: State A used force against State B.
    when: use-of-force
authorities:
  - id: un-charter
    kind: treaty
    title: UN Charter
    citation: Charter of the United Nations (1945), 1 UNTS XVI
`
}

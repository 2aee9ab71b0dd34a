import type { CompiledRulebook } from './compile.ts'
import type { LintAdd } from './lint.ts'
import { createSums } from './explore/sums.ts'
import { clashPairs, findClash } from './explore/explore.ts'
import { completeFeasible, feasible } from './explore/answer-sets.ts'
import type { Cube, Terms } from './explore/terms.ts'
import { describeAnswerSet } from './explore/describe.ts'

/** Sets shown per declared contradiction before the rest are only counted. */
const maxSetsPerContradiction = 10

const count = (n: number) => n.toLocaleString('en')

/**
 * What the explorer finds wrong in a rulebook without errors, as located warnings: questions that
 * can never be asked, conclusions that can never hold, never fail, or hold on every complete walk;
 * declared contradictions that can hold together (each minimal answer set); and a lawful with an
 * unlawful conclusion holding together, unless marked `compatible`. Where a budget stopped the
 * search, it says so instead of guessing.
 */
export function lintPaths(compiled: CompiledRulebook, add: LintAdd): void {
  const sums = createSums(compiled)
  const { layout, budget } = sums
  const { rulebook } = compiled
  const stopped = () => `the search stopped after ${count(budget.work)} combinations of answers (the limit is ${count(budget.maxWork)}, and ${count(budget.maxCubes)} answer sets per condition)`

  for (const { question, index, when } of compiled.questions) {
    if (!when) continue
    const asked = sums.expand(sums.question(index).yes, { first: true, accept: (cube) => feasible(layout, cube) })
    if (asked.cubes.length > 0) continue
    if (asked.cut) {
      add('exploration-limit', ['questions', index, 'when'], `could not finish checking whether question \`${question.id}\` can be asked: ${stopped()}`, {
        severity: 'warning',
        hint: 'build its condition on findings (conclusions) to keep it short',
      })
    } else {
      add('unreachable', ['questions', index, 'when'], `question \`${question.id}\` can never be asked: no combination of earlier answers satisfies \`${question.when}\``, {
        severity: 'warning',
        hint: 'check the condition for contradictions, or for options no earlier question can take',
      })
    }
  }

  for (const { conclusion, index } of compiled.conclusions) {
    const split = sums.conclusion(index)
    const path = ['conclusions', index, 'when']
    const usable = (cube: Cube) => feasible(layout, cube)
    const yes = sums.expand(split.yes, { first: true, accept: usable })
    const no = sums.expand(split.no, { first: true, accept: usable })
    const holds = yes.cubes
    const fails = no.cubes
    if (holds.length === 0) {
      if (yes.cut) {
        add('exploration-limit', path, `could not finish checking whether conclusion \`${conclusion.id}\` can hold: ${stopped()}`, { severity: 'warning' })
      } else {
        add('unreachable', path, `conclusion \`${conclusion.id}\` can never hold: no combination of answers satisfies \`${conclusion.when}\``, { severity: 'warning' })
      }
      continue
    }
    if (fails.length === 0) {
      if (no.cut) {
        add('exploration-limit', path, `could not finish checking whether conclusion \`${conclusion.id}\` can fail: ${stopped()}`, { severity: 'warning' })
      } else {
        add('never-fails', path, `conclusion \`${conclusion.id}\` can never fail: every walk makes \`${conclusion.when}\` true`, {
          severity: 'warning',
          hint: 'a conclusion that always holds says nothing about the answers; check the condition',
        })
      }
    } else if (!completeFeasible(layout, fails[0]!) && isAlwaysHolding(split.no)) {
      add('always-holds', path, `conclusion \`${conclusion.id}\` holds on every complete walk: it fails only while a question is left unanswered`, {
        severity: 'warning',
        hint: 'test the answers themselves rather than whether questions are answered',
      })
    }
  }

  /** No complete walk makes it fail: searched only when the first failing walk found was partial. */
  function isAlwaysHolding(no: Terms): boolean {
    const complete = sums.expand(no, { first: true, accept: (cube) => completeFeasible(layout, cube) })
    return complete.cubes.length === 0 && !complete.cut
  }

  for (const [first, second, reason] of clashPairs(compiled)) {
    const a = rulebook.conclusions[first]!
    const b = rulebook.conclusions[second]!
    if (reason === 'contradicts') {
      // Most declared pairs never hold together: one search for a single walk proves it, and
      // every minimal set is listed only for the pairs that do.
      if (!findClash(sums, first, second, reason, { firstOnly: true })) continue
      const clash = findClash(sums, first, second, reason)
      if (!clash) continue
      const at = ['conclusions', first, 'contradicts', (a.contradicts ?? []).indexOf(b.id)]
      clash.sets.slice(0, maxSetsPerContradiction).forEach((set) => {
        add('contradiction', at, `conclusions \`${a.id}\` and \`${b.id}\` must not hold together, but both hold when ${describeAnswerSet(compiled, set)}`, {
          severity: 'warning',
          hint: 'change a condition so that these answers no longer lead to both',
        })
      })
      const more = clash.sets.length - maxSetsPerContradiction
      if (more > 0 || !clash.complete) {
        add('contradiction', at, `conclusions \`${a.id}\` and \`${b.id}\` also hold together on ${more > 0 ? `${count(more)} more answer set${more === 1 ? '' : 's'}` : 'more answer sets'}${clash.complete ? '' : ` (${stopped()}; there may be more)`}`, {
          severity: 'warning',
          hint: `see every set with \`casework paths\``,
        })
      }
    } else {
      const clash = findClash(sums, first, second, reason, { firstOnly: true })
      if (!clash) continue
      const later = Math.max(first, second)
      const [lawful, unlawful] = a.kind === 'lawful' ? [a, b] : [b, a]
      const example = clash.sets[0]
      add('lawful-unlawful', ['conclusions', later, 'kind'], example
        ? `conclusion \`${lawful.id}\` (lawful) and conclusion \`${unlawful.id}\` (unlawful) hold together, for example when ${describeAnswerSet(compiled, example)}`
        : `could not finish checking whether conclusions \`${lawful.id}\` (lawful) and \`${unlawful.id}\` (unlawful) can hold together: ${stopped()}`, {
        severity: 'warning',
        hint: `if both may rightly hold, say under different bodies of law or towards different States, add \`compatible: [${unlawful.id}]\` to \`${lawful.id}\`; \`casework paths\` lists every such set`,
      })
    }
  }
}

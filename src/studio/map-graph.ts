/**
 * The rulebook as a graph: sections hold questions and conclusions; each question or conclusion
 * points to what its condition depends on. Laid out with dagre (sections as clusters), so the map
 * and its accessible list show the same nodes and edges. Pure.
 */
import { Graph, layout } from '@dagrejs/dagre'
import type { CompiledRulebook } from '@/engine/compile'
import { dependenciesOf } from '@/engine/conditions/dependencies'
import { plainText, questionTitle } from '@/engine/explain'

/** How a node is marked on the map. */
export interface MapMarks {
  /** Questions answered and conclusions holding in the preview. */
  path: ReadonlySet<string>
  unreachable: ReadonlySet<string>
  contradictions: ReadonlySet<string>
  failingTests: ReadonlySet<string>
}

export interface MapNode {
  id: string
  kind: 'question' | 'conclusion'
  /** `Q3` or `C2`. */
  short: string
  title: string
  section: string
  dependsOn: string[]
  marks: ('path' | 'unreachable' | 'contradiction' | 'failing-test')[]
}

export interface MapSection {
  id: string
  title: string
  nodes: MapNode[]
}

export interface MapEdge {
  id: string
  /** The question or conclusion whose condition refers to `target`. */
  source: string
  target: string
}

export interface MapGraph {
  sections: MapSection[]
  edges: MapEdge[]
}

const noSection = '(conclusions)'

function shorten(text: string, length = 70): string {
  const plain = plainText(text).replace(/\s+/g, ' ').trim()
  return plain.length > length ? plain.slice(0, length - 1) + '…' : plain
}

/** The graph of a compiled rulebook, with marks. */
export function buildMapGraph(compiled: CompiledRulebook, marks: MapMarks): MapGraph {
  const { rulebook } = compiled
  const sections = new Map<string, MapSection>(
    rulebook.sections.map((section) => [section.id, { id: section.id, title: section.title, nodes: [] }]),
  )
  const markOf = (id: string): MapNode['marks'] => {
    const found: MapNode['marks'] = []
    if (marks.path.has(id)) found.push('path')
    if (marks.unreachable.has(id)) found.push('unreachable')
    if (marks.contradictions.has(id)) found.push('contradiction')
    if (marks.failingTests.has(id)) found.push('failing-test')
    return found
  }
  const edges: MapEdge[] = []
  const known = (id: string) => compiled.questionIndex.has(id) || compiled.conclusionIndex.has(id)
  const add = (node: MapNode) => {
    let section = sections.get(node.section)
    if (!section) {
      section = { id: node.section, title: node.section === noSection ? 'Conclusions' : node.section, nodes: [] }
      sections.set(node.section, section)
    }
    section.nodes.push(node)
    for (const target of node.dependsOn) edges.push({ id: `${node.id}->${target}`, source: node.id, target })
  }
  compiled.questions.forEach(({ question, when }, index) => {
    add({
      id: question.id,
      kind: 'question',
      short: `Q${index + 1}`,
      title: questionTitle(question),
      section: question.section,
      dependsOn: when ? dependenciesOf(when).filter(known) : [],
      marks: markOf(question.id),
    })
  })
  compiled.conclusions.forEach(({ conclusion, when }, index) => {
    add({
      id: conclusion.id,
      kind: 'conclusion',
      short: `C${index + 1}`,
      title: shorten(conclusion.statement),
      section: conclusion.section ?? noSection,
      dependsOn: when ? dependenciesOf(when).filter(known) : [],
      marks: markOf(conclusion.id),
    })
  })
  return { sections: [...sections.values()].filter((s) => s.nodes.length > 0), edges }
}

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

/** Where each node and section goes: boxes with their top-left corner, in map coordinates. */
export interface MapLayout {
  nodes: Map<string, Box>
  sections: Map<string, Box>
}

export const nodeSize = { width: 200, height: 56 }

/** Lays the graph out left to right, dependencies first, each section a cluster. */
export function layoutMap(graph: MapGraph): MapLayout {
  const g = new Graph({ compound: true, multigraph: false })
  g.setGraph({ rankdir: 'LR', nodesep: 14, ranksep: 70, marginx: 10, marginy: 10 })
  g.setDefaultEdgeLabel(() => ({}))
  for (const section of graph.sections) {
    const key = `section:${section.id}`
    g.setNode(key, { label: section.title, paddingTop: 34, paddingLeft: 12, paddingRight: 12, paddingBottom: 12 })
    for (const node of section.nodes) {
      g.setNode(node.id, { ...nodeSize })
      g.setParent(node.id, key)
    }
  }
  // Dependencies point backwards in the text: laid out from the depended-on to the dependent.
  for (const edge of graph.edges) if (edge.source !== edge.target) g.setEdge(edge.target, edge.source)
  layout(g)
  const box = (id: string): Box => {
    const n = g.node(id) as { x: number; y: number; width: number; height: number }
    return { x: n.x - n.width / 2, y: n.y - n.height / 2, width: n.width, height: n.height }
  }
  const nodes = new Map<string, Box>()
  const sections = new Map<string, Box>()
  for (const section of graph.sections) {
    sections.set(section.id, box(`section:${section.id}`))
    for (const node of section.nodes) nodes.set(node.id, box(node.id))
  }
  return { nodes, sections }
}

import { describe, expect, it } from 'vitest'
import { buildMapGraph, layoutMap } from '../../../src/studio/map-graph.ts'
import { compileFile } from '../helpers.ts'

const none = new Set<string>()

describe('studio/map-graph', () => {
  const compiled = compileFile('rules/venezuela-dock-strike.yaml')

  it('has one node per question and conclusion, grouped by section, with an edge per dependency', () => {
    const graph = buildMapGraph(compiled, { path: new Set(['attribution-conduct']), unreachable: none, contradictions: none, failingTests: none })
    const nodes = graph.sections.flatMap((s) => s.nodes)
    expect(nodes).toHaveLength(compiled.questions.length + compiled.conclusions.length)
    const q = nodes.find((n) => n.id === 'attribution-conduct')!
    expect(q).toMatchObject({ kind: 'question', short: 'Q1', section: 'characterisation', marks: ['path'] })
    for (const node of nodes) {
      for (const dep of node.dependsOn) expect(graph.edges).toContainEqual({ id: `${node.id}->${dep}`, source: node.id, target: dep })
    }
    expect(graph.edges.length).toBeGreaterThan(40)
  })

  it('lays every node out inside its section box, without overlaps', () => {
    const graph = buildMapGraph(compiled, { path: none, unreachable: none, contradictions: none, failingTests: none })
    const layout = layoutMap(graph)
    for (const section of graph.sections) {
      const box = layout.sections.get(section.id)!
      for (const node of section.nodes) {
        const at = layout.nodes.get(node.id)!
        expect(at.x).toBeGreaterThanOrEqual(box.x - 0.5)
        expect(at.y).toBeGreaterThanOrEqual(box.y - 0.5)
        expect(at.x + at.width).toBeLessThanOrEqual(box.x + box.width + 0.5)
      }
    }
    const boxes = [...layout.nodes.values()]
    const overlaps = boxes.filter((a, i) => boxes.some((b, j) => j > i && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height))
    expect(overlaps).toEqual([])
  })
})

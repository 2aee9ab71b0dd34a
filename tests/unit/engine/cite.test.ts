import { describe, expect, it } from 'vitest'
import { citeAs, citeScenario } from '../../../src/engine/cite.ts'

const book = {
  title: 'A covert strike',
  authors: [{ name: 'A. Lecturer' }],
  version: '1.1.0',
  licence: 'CC-BY-4.0',
}

describe('engine/cite', () => {
  it.each([
    [book, 'A. Lecturer, “A covert strike”, Casework rulebook, version 1.1.0, licence CC-BY-4.0.'],
    [{ ...book, updated: '2026-01-05' }, 'A. Lecturer, “A covert strike”, Casework rulebook, version 1.1.0 (updated 5 January 2026), licence CC-BY-4.0.'],
    [{ ...book, authors: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] }, 'A, B and C, “A covert strike”, Casework rulebook, version 1.1.0, licence CC-BY-4.0.'],
    [{ ...book, citeAs: 'Lecturer, Covert Strike Workbook (2026).' }, 'Lecturer, Covert Strike Workbook (2026).'],
  ])('cites a rulebook from its metadata, or as its author says (%#)', (rulebook, expected) => {
    expect(citeAs(rulebook)).toBe(expected)
  })

  it('cites a scenario as the rulebook followed by the scenario', () => {
    const scenario = { id: 'dock-prior-consent', title: 'Variation: prior consent' }
    expect(citeAs(book, scenario)).toBe(
      'A. Lecturer, “A covert strike”, Casework rulebook, version 1.1.0, licence CC-BY-4.0, scenario “Variation: prior consent” (dock-prior-consent).',
    )
    expect(citeAs({ ...book, citeAs: 'Lecturer (2026).' }, scenario)).toBe('Lecturer (2026), scenario “Variation: prior consent” (dock-prior-consent).')
    expect(citeScenario(citeAs(book), scenario)).toBe(citeAs(book, scenario))
  })
})

/**
 * The report's stylesheet, for the screen and for print (the PDF a student hands in is the
 * browser printing this). Every rule is scoped to `.casework-report`, so the app can show the same
 * markup without the report's rules touching its own. Print: page margins, headings kept with
 * what follows them, short blocks and table rows never split, no forced page breaks (the pages
 * fill: a long report must not grow a page per question), link targets written out once, and nothing marked `report-no-print`. The typefaces (Source Serif 4,
 * Source Code Pro) ship with the app; the standalone HTML embeds them (`fonts.ts`).
 */
export const reportCss = `
@page {
  margin: 16mm 16mm 18mm;
}
.casework-report {
  color: #111;
  background: #fff;
  font-family: 'Source Serif 4', Georgia, 'Times New Roman', Times, serif;
  font-size: 12pt;
  line-height: 1.5;
  max-width: 48rem;
  margin: 0 auto;
  padding: 2rem 1.5rem 3rem;
}
.casework-report h1,
.casework-report h2,
.casework-report h3,
.casework-report h4,
.casework-report h5 {
  line-height: 1.25;
  font-weight: bold;
}
.casework-report h1 {
  font-size: 1.8em;
  margin: 0.2em 0 0.8em;
}
.casework-report h2 {
  font-size: 1.4em;
  margin: 2em 0 0.6em;
  padding-bottom: 0.15em;
  border-bottom: 1px solid #888;
}
.casework-report h3 {
  font-size: 1.2em;
  margin: 1.8em 0 0.5em;
}
.casework-report h4 {
  font-size: 1.05em;
  margin: 1.6em 0 0.4em;
}
.casework-report h5 {
  font-size: 1em;
  font-style: italic;
  font-weight: normal;
  margin: 1em 0 0.25em;
}
.casework-report .report-kicker {
  margin: 0;
  font-size: 0.95em;
  letter-spacing: 0.03em;
  color: #444;
}
.casework-report .report-meta {
  display: grid;
  grid-template-columns: max-content 1fr;
  gap: 0.15em 1.2em;
  margin: 0 0 1.5em;
}
.casework-report .report-meta > div {
  display: contents;
}
.casework-report .report-meta dt {
  font-weight: bold;
}
.casework-report .report-meta dd {
  margin: 0;
}
.casework-report .report-hash {
  font-family: 'Source Code Pro', ui-monospace, 'Courier New', monospace;
  font-size: 0.85em;
  color: #555;
}
.casework-report .report-notices,
.casework-report .report-warning {
  border-left: 4px solid #a66a00;
  background: #fbf5e6;
  padding: 0.4em 1em;
  margin: 1em 0;
}
.casework-report .report-notices h2 {
  font-size: 1.05em;
  border: 0;
  margin: 0.5em 0;
}
.casework-report .report-prompt {
  font-style: italic;
  color: #333;
}
.casework-report .report-answer span + span::before {
  content: ' · ';
}
.casework-report blockquote {
  margin: 0.5em 0 0.5em 1.2em;
  padding-left: 0.9em;
  border-left: 3px solid #bbb;
  color: #222;
}
.casework-report .report-facts {
  list-style: none;
  padding: 0;
}
.casework-report .report-fact-label {
  font-weight: bold;
}
.casework-report .report-fact-qualifier {
  color: #555;
}
.casework-report .report-compare {
  display: grid;
  grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
  gap: 1.5em;
  margin-top: 1em;
}
.casework-report .report-model {
  align-self: start;
  background: #f3f3ef;
  border-left: 3px solid #666;
  padding: 0.2em 1em 0.6em;
}
.casework-report .report-conclusion {
  margin: 0.8em 0 1.2em;
}
.casework-report .report-conclusion-kind {
  font-weight: bold;
}
.casework-report .report-trace {
  color: #333;
}
.casework-report table {
  border-collapse: collapse;
  width: 100%;
  margin: 0.5em 0 1em;
}
.casework-report th,
.casework-report td {
  text-align: left;
  vertical-align: top;
  padding: 0.35em 0.6em;
  border-bottom: 1px solid #ccc;
}
.casework-report th {
  border-bottom: 2px solid #666;
}
.casework-report .report-fact-list {
  padding-left: 2.5em;
}
.casework-report .report-fact-list li {
  margin-bottom: 0.4em;
}
.casework-report .report-fact-list p {
  margin: 0;
}
.casework-report code {
  font-family: 'Source Code Pro', ui-monospace, 'Courier New', monospace;
  font-size: 0.9em;
}
.casework-report a {
  color: #0b4f8a;
}
.casework-report footer {
  margin-top: 3em;
  font-size: 0.85em;
  color: #555;
}
@media print {
  .casework-report {
    max-width: none;
    margin: 0;
    padding: 0;
    font-size: 10pt;
    line-height: 1.35;
    color: #000;
  }
  .casework-report .report-facts,
  .casework-report blockquote {
    font-size: 0.92em;
  }
  .casework-report .report-facts > li p {
    margin: 0.2em 0;
  }
  .casework-report .report-facts > li.report-fact-in-appendix > blockquote > :not(:first-child) {
    display: none;
  }
  /* The authority's name and citation get the width; the pinpoints need little. */
  .casework-report td:first-child {
    width: 62%;
  }
  .casework-report table,
  .casework-report .report-conclusion {
    font-size: 0.95em;
  }
  .casework-report th,
  .casework-report td {
    padding: 0.25em 0.5em;
  }
  .casework-report h1,
  .casework-report h2,
  .casework-report h3,
  .casework-report h4,
  .casework-report h5 {
    break-after: avoid;
    page-break-after: avoid;
  }
  .casework-report h1 + *,
  .casework-report h2 + *,
  .casework-report h3 + *,
  .casework-report h4 + *,
  .casework-report h5 + * {
    break-before: avoid;
    page-break-before: avoid;
  }
  .casework-report .report-part {
    margin-top: 2em;
  }
  .casework-report h4 {
    margin-top: 1.4em;
  }
  .casework-report h5 {
    margin: 0.7em 0 0.2em;
  }
  .casework-report p {
    margin: 0.35em 0;
  }
  /* Only short blocks are kept whole: a long one kept whole leaves the rest of its page empty. */
  .casework-report .report-title,
  .casework-report .report-answer,
  .casework-report .report-facts > li,
  .casework-report tr {
    break-inside: avoid;
    page-break-inside: avoid;
  }
  /* On paper the model answer follows the student's, so both flow across pages. */
  .casework-report .report-compare {
    display: block;
  }
  .casework-report .report-model {
    margin-top: 0.8em;
    padding: 0 0 0 1em;
  }
  .casework-report p,
  .casework-report li {
    orphans: 3;
    widows: 3;
  }
  .casework-report thead {
    display: table-header-group;
  }
  .casework-report a {
    color: inherit;
    text-decoration: none;
  }
  /* A link's address after its words; not after a bare address (it is its own words). */
  .casework-report a[href^='http']:not(.bare-url)::after {
    content: ' <' attr(href) '>';
    font-size: 0.85em;
    word-break: break-all;
  }
  .casework-report .report-notices,
  .casework-report .report-warning,
  .casework-report .report-model {
    background: none;
  }
  .report-no-print {
    display: none !important;
  }
}
`

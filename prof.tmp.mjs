import { chromium } from '@playwright/test'
import { readFileSync } from 'node:fs'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] })
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
await page.goto('http://localhost:4208/studio')
await page.getByRole('button', { name: /Edit a new version\s*: Force, consent/ }).click()
await page.getByText('0 errors and 0 warnings').waitFor({ timeout: 60000 })
await page.getByRole('tab', { name: process.argv[2] || 'Preview' }).click()
await page.getByRole('textbox', { name: 'Rulebook (YAML)' }).click()
await page.keyboard.press('Control+Alt+g'); await page.keyboard.type('700:999'); await page.keyboard.press('Enter')
await browser.startTracing(page, { path: '/tmp/studio-trace.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'] })
for (let i = 0; i < 6; i++) { await page.keyboard.type(' wording', { delay: 40 }); await page.waitForTimeout(700) }
await browser.stopTracing()
const events = JSON.parse(readFileSync('/tmp/studio-trace.json', 'utf8')).traceEvents
const pm = events.filter(e => e.name === 'HandlePostMessage')
console.log('postMessage ms', pm.map(e => (e.dur/1000).toFixed(0)).join(' '))
// children of the biggest HandlePostMessage
const big = pm.sort((a,b)=>b.dur-a.dur)[0]
const inside = events.filter(e => e.ph === 'X' && e.tid === big.tid && e.ts >= big.ts && e.ts + (e.dur||0) <= big.ts + big.dur && e !== big)
const sums = new Map(); for (const e of inside) sums.set(e.name, (sums.get(e.name)||0) + e.dur/1000)
console.log([...sums.entries()].sort((a,b)=>b[1]-a[1]).slice(0,12).map(([k,v])=>`${v.toFixed(1)} ${k}`).join('\n'))
await browser.close()

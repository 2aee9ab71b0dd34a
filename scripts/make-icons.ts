/**
 * Draws the app's icons (public/favicon.svg's page on a blue tile) as PNG files for the web app
 * manifest: browsers want raster icons of 192 and 512 px to offer installing the app, and a
 * "maskable" one whose picture stays inside the safe zone when the platform crops it to a circle.
 * The shapes are few and straight, so they are rasterised here (4×4 samples a pixel) and written
 * with node:zlib: no image library for three small files. Run `npm run icons` after changing them;
 * tests/unit/scripts/pwa.test.ts checks the files in public/ are what this script draws.
 */
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

type Rgb = readonly [number, number, number]
const blue: Rgb = [0x1d, 0x4e, 0x89]
const white: Rgb = [0xff, 0xff, 0xff]

export interface IconSpec {
  file: string
  size: number
  /** Maskable: the tile fills the square (the platform cuts its own shape). */
  maskable: boolean
}

export const icons: IconSpec[] = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
]

/** The colour at a point of the 32×32 design (favicon.svg), or undefined outside the tile. */
function colourAt(x: number, y: number, maskable: boolean): Rgb | undefined {
  if (!maskable && !insideRoundedSquare(x, y, 32, 6)) return undefined
  // The lines of text on the page (stroke width 2 around y = 14, 18, 22).
  const onLine = (lineY: number, to: number) => x >= 12 && x <= to && Math.abs(y - lineY) <= 1
  if (onLine(14, 20) || onLine(18, 20) || onLine(22, 17)) return blue
  // The page: 9..23 × 8..24 with its top-right corner folded (the cut from (20, 8) to (23, 11)).
  const onPage = x >= 9 && x <= 23 && y >= 8 && y <= 24 && x - y <= 12
  return onPage ? white : blue
}

function insideRoundedSquare(x: number, y: number, size: number, radius: number): boolean {
  const cx = Math.min(Math.max(x, radius), size - radius)
  const cy = Math.min(Math.max(y, radius), size - radius)
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2
}

/** RGBA pixels of one icon, anti-aliased by averaging 4×4 samples per pixel. */
export function drawIcon({ size, maskable }: IconSpec): Uint8Array {
  const pixels = new Uint8Array(size * size * 4)
  const samples = 4
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = ((px + (sx + 0.5) / samples) / size) * 32
          const y = ((py + (sy + 0.5) / samples) / size) * 32
          const colour = colourAt(x, y, maskable)
          if (!colour) continue
          r += colour[0]
          g += colour[1]
          b += colour[2]
          a += 1
        }
      }
      const offset = (py * size + px) * 4
      // Colour averaged over the covered samples (not premultiplied), coverage as alpha.
      pixels[offset] = a ? Math.round(r / a) : 0
      pixels[offset + 1] = a ? Math.round(g / a) : 0
      pixels[offset + 2] = a ? Math.round(b / a) : 0
      pixels[offset + 3] = Math.round((a / samples ** 2) * 255)
    }
  }
  return pixels
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const out = Buffer.alloc(body.length + 8)
  out.writeUInt32BE(data.length, 0)
  body.copy(out, 4)
  out.writeUInt32BE(crc32(body), body.length + 4)
  return out
}

/** A PNG file (8-bit RGBA, no interlace) of square RGBA pixels. */
export function encodePng(pixels: Uint8Array, size: number): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 6, 0, 0, 0], 8)
  const rows = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0 // filter: none
    rows.set(pixels.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ])
}

if (process.argv[1]?.endsWith('make-icons.ts')) {
  for (const icon of icons) {
    writeFileSync(`public/${icon.file}`, encodePng(drawIcon(icon), icon.size))
    console.log(`public/${icon.file}`)
  }
}

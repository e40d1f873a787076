/**
 * Ritar Schemakolls ikoner (16, 32, 64, 80 och 128 px, RGBA-PNG) till assets/.
 *
 * Motivet är en rundad kalender i Fluent-blått med en vit rubrikrand, två
 * mörkare ringar upptill och en vit bock. Allt ritas med supersampling och
 * kodas med en liten egen PNG-kodare (node:zlib + CRC32) så att inga extra
 * paket behövs. Kör: `npx tsx scripts/generate-icons.ts` (eller `npm run icons`).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { deflateSync } from "node:zlib";

/** Färg med raka (icke förmultiplicerade) kanaler 0–255. */
interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly a: number;
}

/** En figur i normaliserade koordinater (0–1 över hela ikonen). */
interface Shape {
  readonly color: Rgba;
  readonly contains: (x: number, y: number) => boolean;
}

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

const FLUENT_BLUE: Rgba = { r: 0x0f, g: 0x6c, b: 0xbd, a: 255 };
const DARK_BLUE: Rgba = { r: 0x0a, g: 0x3f, b: 0x73, a: 255 };
const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 255 };

// ---------------------------------------------------------------------------
// PNG-kodare
// ---------------------------------------------------------------------------

const CRC_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) {
      c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309 / PNG) över bytes. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData), 0);
  return Buffer.concat([length, typeAndData, crc]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Kodar en RGBA-bild (raka kanaler, rad för rad, 4 byte per pixel) som PNG
 * med färgtyp 6, bitdjup 8, filter 0 på varje rad och utan interlace.
 */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) {
    throw new Error(`Fel buffertstorlek: ${rgba.length} byte för ${width}×${height} RGBA.`);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8); // bitdjup
  ihdr.writeUInt8(6, 9); // färgtyp: truecolor med alfa
  ihdr.writeUInt8(0, 10); // komprimering: deflate
  ihdr.writeUInt8(0, 11); // filtermetod 0
  ihdr.writeUInt8(0, 12); // ingen interlace

  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const rowStart = y * (stride + 1);
    raw[rowStart] = 0; // filtertyp "None"
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), rowStart + 1);
  }

  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", deflateSync(raw, { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------
// Geometri
// ---------------------------------------------------------------------------

function roundedRect(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  radius: number,
): (x: number, y: number) => boolean {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + radius), x1 - radius);
    const cy = Math.min(Math.max(y, y0 + radius), y1 - radius);
    const dx = x - cx;
    const dy = y - cy;
    return dx * dx + dy * dy <= radius * radius;
  };
}

function distanceToSegment(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const vx = bx - ax;
  const vy = by - ay;
  const lengthSquared = vx * vx + vy * vy;
  const t =
    lengthSquared === 0
      ? 0
      : Math.min(1, Math.max(0, ((px - ax) * vx + (py - ay) * vy) / lengthSquared));
  return Math.hypot(px - (ax + t * vx), py - (ay + t * vy));
}

/** Polylinje med runda ändar och given linjebredd. */
function stroke(
  points: readonly (readonly [number, number])[],
  width: number,
): (x: number, y: number) => boolean {
  return (x, y) => {
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1];
      const b = points[i];
      if (a && b && distanceToSegment(x, y, a[0], a[1], b[0], b[1]) <= width / 2) return true;
    }
    return false;
  };
}

function intersect(
  a: (x: number, y: number) => boolean,
  b: (x: number, y: number) => boolean,
): (x: number, y: number) => boolean {
  return (x, y) => a(x, y) && b(x, y);
}

/** Kalendermotivet, ritat bakifrån och fram (målaralgoritmen). */
function calendarShapes(): readonly Shape[] {
  const body = roundedRect(0.06, 0.13, 0.94, 0.95, 0.14);
  const headerBand = (_x: number, y: number): boolean => y >= 0.31 && y <= 0.38;
  return [
    { color: FLUENT_BLUE, contains: body },
    { color: WHITE, contains: intersect(body, headerBand) },
    { color: DARK_BLUE, contains: roundedRect(0.23, 0.03, 0.35, 0.25, 0.06) },
    { color: DARK_BLUE, contains: roundedRect(0.65, 0.03, 0.77, 0.25, 0.06) },
    {
      color: WHITE,
      contains: stroke(
        [
          [0.27, 0.65],
          [0.44, 0.81],
          [0.75, 0.5],
        ],
        0.13,
      ),
    },
  ];
}

// ---------------------------------------------------------------------------
// Rastrering
// ---------------------------------------------------------------------------

function sampleColor(shapes: readonly Shape[], x: number, y: number): Rgba | undefined {
  let color: Rgba | undefined;
  for (const shape of shapes) {
    if (shape.contains(x, y)) color = shape.color;
  }
  return color;
}

/** Rastrerar figurerna till en size×size RGBA-buffert med n×n delsampel per pixel. */
export function renderIcon(size: number, shapes: readonly Shape[] = calendarShapes()): Uint8Array {
  const samples = size <= 32 ? 8 : 4;
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Summera förmultiplicerat för korrekt kantutjämning mot transparens.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          const color = sampleColor(shapes, x, y);
          if (!color) continue;
          const alpha = color.a / 255;
          r += color.r * alpha;
          g += color.g * alpha;
          b += color.b * alpha;
          a += alpha;
        }
      }
      const offset = (py * size + px) * 4;
      const count = samples * samples;
      if (a > 0) {
        out[offset] = Math.round(r / a);
        out[offset + 1] = Math.round(g / a);
        out[offset + 2] = Math.round(b / a);
        out[offset + 3] = Math.round((a / count) * 255);
      }
    }
  }
  return out;
}

function main(): void {
  const assetsDir = join(__dirname, "..", "assets");
  mkdirSync(assetsDir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(assetsDir, `icon-${size}.png`);
    const png = encodePng(size, size, renderIcon(size));
    writeFileSync(file, png);
    console.log(`Skrev ${relative(process.cwd(), file)} (${size}×${size} px, ${png.length} byte)`);
  }
}

if (require.main === module) {
  main();
}

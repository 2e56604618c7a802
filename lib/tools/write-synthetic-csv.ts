import { writeFile } from "node:fs/promises";
import { generateSyntheticPositions } from "../engine/synthetic";
import { positionsToCsv } from "../export";

// `node --import tsx lib/tools/write-synthetic-csv.ts <rows> <file>`: a synthetic book as CSV,
// written by a process of its own so that the import benchmark's process holds only what an
// upload brings (the file's bytes), not the million objects that made it.
const [rows, file] = process.argv.slice(2);
if (!rows || !file) throw new Error("usage: write-synthetic-csv.ts <rows> <file>");
await writeFile(file, positionsToCsv(generateSyntheticPositions(Number(rows))));

// pdf.js fills a form as its viewer does (its annotation storage) and saves the file.
//   node tests/bench/pdfjs_fill.mjs PDFJS_MODULE IN OUT
// Fills the first text field, the third point of the first radio group and the first tick
// box; prints what pdf.js found as JSON (tests/bench/test_typst_proto.py reads the file back).
import fs from "node:fs";
import { pathToFileURL } from "node:url";

const [pdfjs, input, output] = process.argv.slice(2);
const { getDocument } = await import(pathToFileURL(pdfjs).href);
const doc = await getDocument({ data: new Uint8Array(fs.readFileSync(input)), disableFontFace: true }).promise;
const fields = await doc.getFieldObjects();
const names = Object.keys(fields);
const kinds = (name) => fields[name].map((o) => o.type);
const text = names.find((n) => kinds(n).includes("text"));
const radio = names.find((n) => kinds(n).includes("radiobutton"));
const check = names.find((n) => kinds(n).includes("checkbox"));
const points = fields[radio].filter((o) => o.type === "radiobutton");
doc.annotationStorage.setValue(fields[text][0].id, { value: "Filled in pdf.js" });
doc.annotationStorage.setValue(points[2].id, { value: true });
doc.annotationStorage.setValue(fields[check].find((o) => o.type === "checkbox").id, { value: true });
fs.writeFileSync(output, await doc.saveDocument());
console.log(JSON.stringify({ count: names.length, text, radio, points: points.map((p) => p.exportValues), check }));

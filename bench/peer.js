// The peer in bench/run.sh: Microsoft Recognizers-Text (culture zh-cn) over
// the "text" of every article in a JSONL file. Prints one JSON object:
// {"articles","bytes","init_seconds","parse_seconds","counts":{model: entities}}.
// parse_seconds covers the models' parse() calls only (not node's start or
// the models' construction), so the throughput it gives is the peer's best.
//
//   NODE_PATH=DIR/node_modules node bench/peer.js slice.jsonl
"use strict";
const fs = require("fs");
const Num = require("@microsoft/recognizers-text-number");
const Unit = require("@microsoft/recognizers-text-number-with-unit");

const t0 = process.hrtime.bigint();
const culture = Num.Culture.Chinese;  // "zh-cn"
const num = new Num.NumberRecognizer(culture);
const unit = new Unit.NumberWithUnitRecognizer(culture);
const models = {
  number: num.getNumberModel(),
  percentage: num.getPercentageModel(),
  currency: unit.getCurrencyModel(),
  dimension: unit.getDimensionModel(),
  temperature: unit.getTemperatureModel(),
  age: unit.getAgeModel(),
};
const t1 = process.hrtime.bigint();

const lines = fs.readFileSync(process.argv[2], "utf8").split("\n").filter((l) => l.trim() !== "");
const texts = lines.map((l) => JSON.parse(l).text);
const counts = Object.fromEntries(Object.keys(models).map((k) => [k, 0]));
let bytes = 0;
let seconds = 0;
for (const text of texts) {
  bytes += Buffer.byteLength(text, "utf8");
  const s = process.hrtime.bigint();
  for (const line of text.split("\n")) {
    for (const [name, model] of Object.entries(models)) counts[name] += model.parse(line).length;
  }
  seconds += Number(process.hrtime.bigint() - s) / 1e9;
}
console.log(JSON.stringify({
  articles: texts.length,
  bytes,
  init_seconds: Number(t1 - t0) / 1e9,
  parse_seconds: seconds,
  counts,
}));

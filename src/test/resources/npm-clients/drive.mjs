// Drives a LibreTranslate client library from npm for LibreTranslateClientsIT: argv = client name, JSON arguments.
// Prints {"ok": <the client's answer>} or {"error": <its message>}, one line.
import { Translate } from "translate";
import libretranslate from "libretranslate";

const [client, json] = process.argv.slice(2);
const args = JSON.parse(json);
try {
  let answer;
  if (client === "translate") {
    // franciscop/translate, engine "libre": POSTs {q, source, target, api_key} to the URL given
    const libre = Translate({ engine: "libre", url: args.url, key: args.key });
    answer = await libre(args.text, { from: args.from, to: args.to });
  } else {
    // PugDEV-hub/libretranslate: GETs {apiurl}/languages, checks the codes, POSTs {apiurl}/translate
    answer = await libretranslate.translate(args);
  }
  console.log(JSON.stringify({ ok: answer }));
} catch (e) {
  console.log(JSON.stringify({ error: String(e && e.message) }));
}

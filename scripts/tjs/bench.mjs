// transformers.js side of scripts/bench: runs the same NLLB ONNX files as Sema through
// @huggingface/transformers (onnxruntime-node, CPU, fp32), greedy, from the token ids Sema's EngineBenchmark
// dumped, and checks that its greedy output ids equal Sema's: an independent implementation of the decoding
// loop (KV cache, merged decoder branches, position handling, forced BOS, suppression).
//
// Usage: node bench.mjs MODEL_DIR IDS_JSONL META_JSON CONCURRENCY...
//   IDS_JSONL: one {"input_ids":[...],"forced_bos_token_id":N,"max_new_tokens":M,"output_ids":[...]} per line;
//              output_ids = Sema's greedy output after the decoder start token.
//   META_JSON: {"decoder_start_token_id":2,"eos_token_id":2,"pad_token_id":1,"suppress_ranges":[[from,toExcl],...]}
//   TJS_INTRA_OP_THREADS (env): ONNX Runtime intra-op threads per session; unset = ORT's default (one per core).
//   TJS_OUTPUT_IDS (env): file to write transformers.js's greedy ids to, one JSON array per line (for diffing).
//   TJS_DTYPE (env): fp32 (default) or q8 (the onnx/*_quantized.onnx files); lines are labelled transformers.js-q8.
// Must sit next to the node_modules it imports from (scripts/bench-tjs copies it into target/tjs).
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import os from 'node:os';
import { AutoModelForSeq2SeqLM, LogitsProcessor, Tensor, env } from '@huggingface/transformers';

const [modelDir, idsFile, metaFile, ...levelArgs] = process.argv.slice(2);
if (!modelDir || !idsFile || !metaFile || levelArgs.length === 0) {
    console.error('usage: node bench.mjs MODEL_DIR IDS_JSONL META_JSON CONCURRENCY...');
    process.exit(2);
}
const levels = levelArgs.map((arg) => {
    const level = Number.parseInt(arg, 10);
    if (!(level > 0)) throw new Error(`concurrency must be a positive integer: ${arg}`);
    return level;
});
const sentences = readFileSync(idsFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
if (sentences.length === 0) throw new Error(`no sentences in ${idsFile}`);
const meta = JSON.parse(readFileSync(metaFile, 'utf8'));

/**
 * Sema's token suppression: ids in [from, toExclusive) never win. Sema suppresses before forcing the target
 * language token, so on the first step only the forced token is allowed whether or not it lies in a suppressed
 * range; transformers.js's own ForcedBOSTokenLogitsProcessor already leaves only that token on the first step
 * (it runs before user processors), so this one acts from the second generated token on.
 */
class SuppressRangesLogitsProcessor extends LogitsProcessor {
    constructor(ranges) {
        super();
        this.ranges = ranges;
    }

    _call(inputIds, logits) {
        for (let row = 0; row < inputIds.length; row++) {
            if (inputIds[row].length <= 1) continue;
            const data = logits[row].data;
            for (const [from, to] of this.ranges) data.fill(-Infinity, from, Math.min(to, data.length));
        }
        return logits;
    }
}

env.allowRemoteModels = false;
env.allowLocalModels = true;
const modelPath = resolve(modelDir);
// Node's ONNX Runtime reads external data itself, next to the .onnx file; transformers.js only has to be told the
// files exist (one chunk each), and must not be told when they don't (the tiny models keep weights inline).
const externalData = {};
for (const name of ['encoder_model', 'decoder_model_merged']) {
    externalData[`${name}.onnx`] = existsSync(join(modelPath, 'onnx', `${name}.onnx_data`)) ? 1 : 0;
}
const dtype = process.env.TJS_DTYPE || 'fp32';
const label = dtype === 'fp32' ? 'transformers.js' : `transformers.js-${dtype}`;
const threads = process.env.TJS_INTRA_OP_THREADS ? Number.parseInt(process.env.TJS_INTRA_OP_THREADS, 10) : 0;
const loadStart = performance.now();
const model = await AutoModelForSeq2SeqLM.from_pretrained(modelPath, {
    local_files_only: true,
    device: 'cpu',
    dtype,
    // Only the fp32 files are big enough to need external data.
    use_external_data_format: dtype === 'fp32' ? externalData : false,
    session_options: threads > 0 ? { intraOpNumThreads: threads } : {},
});
const loadSeconds = (performance.now() - loadStart) / 1000;
console.log(`transformers.js ${env.version}, onnxruntime-node ${env.backends.onnx.versions?.node ?? '?'}, `
    + `intra-op threads ${threads > 0 ? threads : `ORT default (${os.availableParallelism()} CPUs visible)`}, `
    + `model loaded in ${loadSeconds.toFixed(1)} s, rss ${mib(process.memoryUsage().rss)} MiB`);

const suppression = new SuppressRangesLogitsProcessor(meta.suppress_ranges ?? []);

/** Greedy-generates one sentence (batch 1); returns the ids after the decoder start token. */
async function translate(sentence) {
    const ids = sentence.input_ids;
    const output = await model.generate({
        input_ids: new Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]),
        attention_mask: new Tensor('int64', new BigInt64Array(ids.length).fill(1n), [1, ids.length]),
        decoder_start_token_id: meta.decoder_start_token_id,
        eos_token_id: meta.eos_token_id,
        pad_token_id: meta.pad_token_id,
        forced_bos_token_id: sentence.forced_bos_token_id,
        max_new_tokens: sentence.max_new_tokens,
        logits_processor: [suppression],
        do_sample: false,
        num_beams: 1,
        repetition_penalty: 1.0,
        no_repeat_ngram_size: 0,
        min_length: 0,
        min_new_tokens: null,
        forced_eos_token_id: null,
        bad_words_ids: null,
        suppress_tokens: null,
        begin_suppress_tokens: null,
    });
    return Array.from(output.data, Number).slice(1);
}

/**
 * Runs sentences [0, count) with `concurrency` closed-loop workers; returns latencies (ms) and outputs.
 * onnxruntime-node executes each session.run synchronously on the JS thread (queued with setImmediate), so
 * concurrent generate calls interleave step by step instead of running in parallel or batching: ORT's intra-op
 * threads are the only parallelism, as in a single-process transformers.js server.
 */
async function run(count, concurrency) {
    const latencies = [];
    const outputs = new Array(count);
    let next = 0;
    const worker = async () => {
        for (let i; (i = next++) < count; ) {
            const start = performance.now();
            outputs[i] = await translate(sentences[i % sentences.length]);
            latencies.push(performance.now() - start);
        }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return { latencies, outputs };
}

let compared = false;
for (const concurrency of levels) {
    await run(Math.min(concurrency, sentences.length), concurrency); // warm-up, not counted
    const start = performance.now();
    const { latencies, outputs } = await run(sentences.length, concurrency);
    const seconds = (performance.now() - start) / 1000;
    const tokens = outputs.reduce((sum, ids) => sum + ids.length, 0);
    latencies.sort((a, b) => a - b);
    console.log(`${label} concurrency ${String(concurrency).padStart(3)}  requests ${String(latencies.length).padStart(4)}  `
        + `${(latencies.length / seconds).toFixed(2).padStart(7)} sentences/s  ${(tokens / seconds).toFixed(1).padStart(8)} tokens/s  `
        + `p50 ${ms(latencies, 0.5)} ms  p95 ${ms(latencies, 0.95)} ms  p99 ${ms(latencies, 0.99)} ms`);
    if (!compared && concurrency === 1) {
        compare(outputs);
        compared = true;
    }
}
if (!compared) compare((await run(sentences.length, 1)).outputs);
console.log(`transformers.js peak rss ${mib(process.resourceUsage().maxRSS * 1024)} MiB`);

/** Prints how many greedy outputs equal Sema's output_ids, and where the first few differ. */
function compare(outputs) {
    let identical = 0;
    const mismatches = [];
    outputs.forEach((ours, i) => {
        const sema = sentences[i].output_ids ?? [];
        let at = 0;
        while (at < ours.length && at < sema.length && ours[at] === sema[at]) at++;
        if (at === ours.length && at === sema.length) {
            identical++;
        } else if (mismatches.length < 5) {
            mismatches.push(`  sentence ${i}: first difference at output position ${at}: sema ${sema[at] ?? 'end'}, `
                + `transformers.js ${ours[at] ?? 'end'} (lengths sema ${sema.length}, transformers.js ${ours.length})`);
        }
    });
    if (process.env.TJS_OUTPUT_IDS) {
        writeFileSync(process.env.TJS_OUTPUT_IDS, outputs.map((ids) => JSON.stringify(ids) + '\n').join(''));
    }
    const percent = (100 * identical / outputs.length).toFixed(1);
    console.log(`identical greedy ids: ${identical}/${outputs.length} (${percent}%)`);
    for (const line of mismatches) console.log(line);
}

function ms(sorted, quantile) {
    return sorted[Math.max(0, Math.ceil(quantile * sorted.length) - 1)].toFixed(0).padStart(7);
}

function mib(bytes) {
    return (bytes / 1048576).toFixed(0);
}

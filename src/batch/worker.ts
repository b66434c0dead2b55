import { parentPort } from "node:worker_threads";
import { buildJob, type WorkerJob } from "./build-job.js";

parentPort!.on("message", async (job: WorkerJob) => {
  const result = await buildJob(job);
  parentPort!.postMessage(result, result.ok ? [result.docx.buffer as ArrayBuffer] : []);
});
parentPort!.postMessage("ready");

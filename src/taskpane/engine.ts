// The pane's engine chunk: checking (reader + rules), live checking and marking findings. api.ts requests it as
// the pane starts; it is not part of the start-up script.
export { checkActiveSheet, markFindings } from "../excel/check";
export { startLiveCheck } from "../excel/live";

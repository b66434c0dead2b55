/** The render stage: templates and the data's texts written into the document model. */
export { buildModel } from "./build-model.js";
export { engineFor, type Engine } from "./engine.js";
export { TemplateSet } from "./template-set.js";

// Starts the check's engine as soon as the form is on the page: placed right after the form, async,
// so it runs before the theme's and the page's other scripts (check.js takes the engine up).
import { startEngine } from "./engine.mjs";

const form = document.querySelector("form[data-check]");
if (form) startEngine(form);

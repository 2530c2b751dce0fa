/**
 * zod probes `new Function('')` when it builds an object schema, to decide whether to compile
 * parsers; the panel's CSP (no 'unsafe-eval') blocks that and files a violation report. This
 * module is imported first by main.ts so every schema is built in jitless mode.
 */
import { config } from 'zod';

config({ jitless: true });

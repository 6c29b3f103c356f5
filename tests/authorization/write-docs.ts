/** `npm run docs:authorization`: writes docs/authorization.md from the authorization matrix. */
import { writeFileSync } from "node:fs";
import path from "node:path";

import { renderAuthorizationDoc } from "./render";

const target = path.resolve(import.meta.dirname, "../../docs/authorization.md");
writeFileSync(target, renderAuthorizationDoc());
console.log(`geschreven: ${path.relative(process.cwd(), target)}`);

/**
 * `npm run demo:code`: the current second-factor code of the demo chair and admins (their key is
 * public, DEMO_TOTP_SECRET), for trying the demo without an authenticator app. Needs no database.
 */
import { generate } from "otplib";

import { DEMO_TOTP_SECRET } from "~/domain/demo/demo-data";

const seconds = Math.floor(Date.now() / 1000);
const code = await generate({ secret: DEMO_TOTP_SECRET, epoch: seconds });
console.log(`${code}  (code voor de demo-voorzitter en -beheerders, nog ${30 - (seconds % 30)} s geldig)`);

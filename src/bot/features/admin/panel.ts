/**
 * `/panel`: a one-time link to sign in to the host's panel in a browser
 * (`<public_url>/panel/login/<token>`, usecases/panel_access.ts), sent without a link
 * preview, which would fetch it; without `http.public_url` a line saying the panel is
 * off. The log shows the token's first characters only.
 *
 * @module
 */
import type { Composer, Context } from "grammy";
import { render } from "../../../config/texts.ts";
import { tokenPrefix } from "../../../domain/tokens.ts";
import {
  issueSignIn,
  SESSION_HOURS,
  SIGN_IN_MINUTES,
} from "../../../usecases/panel_access.ts";
import type { FeatureDeps } from "../../context.ts";

/** `/panel`; `feature` already lets only admins through. */
export function panelCommand(
  feature: Composer<Context>,
  deps: FeatureDeps,
): void {
  const { config, store, log, now } = deps;
  feature.command("panel", async (ctx) => {
    const publicUrl = config.http?.public?.url;
    if (publicUrl === undefined) {
      await ctx.reply(config.texts.panel_off);
      return;
    }
    const adminId = ctx.from!.id;
    const token = await store.write(() =>
      issueSignIn(store, { adminId, now: now() })
    );
    log.info("panel.link_issued", {
      admin: adminId,
      token: tokenPrefix(token),
    });
    await ctx.reply(
      render(config.texts.panel_link, {
        link: `${publicUrl}/panel/login/${token}`,
        minutes: SIGN_IN_MINUTES,
        hours: SESSION_HOURS,
      }),
      { link_preview_options: { is_disabled: true } },
    );
  });
}

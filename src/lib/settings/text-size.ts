/**
 * The 大字 (large text) preference. Stored per device so that older volunteers set it
 * once. The whole switch is TEXT_SIZE_SCRIPT, a few lines of plain script that the page
 * head runs inline (so the setting applies before first paint, with no framework): it
 * applies `data-text-size="large"` to <html>, wires the header's `#text-size` button
 * (shown only once the script runs, `aria-pressed` kept in step), remembers the choice,
 * and follows other open tabs through the storage event. Storage can be blocked
 * (private modes, some in-app browsers): the setting then applies to this page only.
 * Its CSP hash is computed from the built page like every other inline script.
 */

export const TEXT_SIZE_KEY = "ma.textSize";
export type TextSize = "normal" | "large";

/** The id of the header's 大字 button. */
export const TEXT_SIZE_BUTTON_ID = "text-size";

export const TEXT_SIZE_SCRIPT = `(function(k,d){function b(){return document.getElementById(${JSON.stringify(TEXT_SIZE_BUTTON_ID)})}
function set(l){if(l)d.dataset.textSize="large";else delete d.dataset.textSize;var t=b();if(t)t.setAttribute("aria-pressed",l?"true":"false")}
try{set(localStorage.getItem(k)==="large")}catch(e){}
document.addEventListener("DOMContentLoaded",function(){var t=b();if(!t)return;set(d.dataset.textSize==="large");t.hidden=false;
t.addEventListener("click",function(){var l=d.dataset.textSize!=="large";set(l);try{localStorage.setItem(k,l?"large":"normal")}catch(e){}})});
addEventListener("storage",function(e){if(e.key===k)set(e.newValue==="large")})})(${JSON.stringify(TEXT_SIZE_KEY)},document.documentElement)`;

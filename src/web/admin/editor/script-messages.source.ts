/**
 * Browser code shared by the admin scripts: `readMessages(script)` reads the translated strings the
 * server put in the script tag's data-messages, and `msg(key, fallback, params)` looks one up and
 * fills its {placeholders}. Declared at the top of a script's IIFE so each script stays self-contained.
 */
export const scriptMessagesSource = String.raw`
  var messages = {};
  try { messages = JSON.parse((me && me.getAttribute('data-messages')) || '{}'); } catch (e) { messages = {}; }
  function msg(key, fallback, params) {
    var text = messages[key] || fallback;
    for (var name in params || {}) text = text.split('{' + name + '}').join(String(params[name]));
    return text;
  }`;

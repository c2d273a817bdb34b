// The phone page: shows the current step and sends what the participant
// gives. Every text from the session is put in with textContent, never as
// HTML. The server sends a whole fresh state on every change, on every
// reconnect and when asked after the page becomes visible again.
"use strict";
(function () {
  const T = JSON.parse(document.body.dataset.texts || "{}");
  const t = (k, ...args) => {
    let s = T[k] || k;
    args.forEach((a, i) => { s = s.replace("{" + i + "}", String(a)); });
    return s;
  };
  const app = document.getElementById("app");
  let state = null;
  let es = null;
  let busy = false;
  // How long a request may take: the server's own limit to answer, and a
  // moment more for the Wi-Fi.
  const timeout = Number(document.body.dataset.timeout) || 16000;
  let shown = "";
  let announced = ""; // what the live region last said
  // edits: the open edits of this phone's own cards, by their box's id
  // ("edit-" kind "-" id), with what is typed in them: drawn again from
  // here whenever the page is, so that new state does not close them.
  const local = { pick: null, round: 0, scores: {}, sent: {}, edits: {} };

  // el builds an element: el("button", {class: "x", onclick: f}, "text", child…)
  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else if (k === "class") e.className = v;
      else e.setAttribute(k, v === true ? "" : v);
    }
    for (const c of kids) {
      if (c === null || c === undefined || c === false) continue;
      e.append(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    }
    return e;
  }

  function status(msg, cls) {
    const s = document.getElementById("status");
    s.textContent = msg || "";
    s.className = cls || "";
  }
  function conn(msg) { document.getElementById("conn").textContent = msg || ""; }

  // post sends body. o.done is the message once it is stored ("" for none),
  // by default "saved" (or "held" for a card the facilitator approves);
  // o.fields are the ids of the text fields in body: none too long is sent
  // (said at the field), and a refusal for length is said at the longest;
  // o.sent runs once the server has it, before the page is drawn again.
  // One send at a time: a tap meanwhile is told so. A send that gets no
  // answer in time is given up (the server answers within its own limit,
  // or not at all), and may have been stored all the same: the page says
  // so, and asks for the state.
  async function post(url, body, o) {
    o = o || {};
    const fields = o.fields || [];
    if (closed) { shut(); return null; }
    if (busy) { status(t("phone.busy"), "warn"); return null; }
    if (tooLong(fields)) return null;
    busy = true;
    status(t("phone.sending"));
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), timeout);
    try {
      const r = await fetch(url, {
        method: "POST", credentials: "same-origin", signal: ctl.signal,
        headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
      });
      let j = null;
      try { j = await r.json(); } catch (e) { j = null; }
      if (ctl.signal.aborted) throw new Error("timeout");
      if (!r.ok) {
        const key = j && j.error;
        if (r.status === 413 || key === "phone.err.big" || key === "phone.err.too_long") {
          if (refuse(fields, r.status === 413 ? "phone.field.big" : "phone.field.refused")) { status(t("phone.err.long"), "error"); return null; }
        }
        status((key && T[key]) ? T[key] : (j && j.message) || t("phone.err.save"), "error");
        if (r.status === 401) showGone("phone.err.unjoined");
        return null;
      }
      // What was sent is no longer unsent, whatever the new state draws.
      fields.forEach((id) => {
        const x = document.getElementById(id);
        if (x) x.dataset.initial = x.value;
        delete refused[id];
      });
      if (o.sent) o.sent();
      note = "";
      shown = ""; // drawn again, without the note
      render(j);
      if (o.done === "") status("");
      else status(j && j.held ? t("phone.held") : t(o.done || "phone.saved"), "ok");
      if (closed) setTimeout(shut, 0); // the room closed meanwhile: after the sent fields are cleared
      return j;
    } catch (e) {
      if (ctl.signal.aborted) {
        status(t("phone.err.timeout"), "error");
        fresh();
      } else status(t("phone.err.network"), "error");
      return null;
    } finally { clearTimeout(timer); busy = false; }
  }
  const op = (body, o) => post("/api/op", body, o);

  // The server's limits, in bytes of UTF-8: a text field's and a guest's
  // name's. A text over its field's limit is said at the field as soon as
  // it is typed or pasted, and is not sent: nothing is cut off.
  const maxText = Number(document.body.dataset.maxText) || 200000;
  const maxName = Number(document.body.dataset.maxName) || 200;
  const utf8 = new TextEncoder();
  // refused: the fields the server refused for their length (a form too
  // big as a whole), by id, with the message's key: said until they change.
  const refused = {};
  function limited(f, max) {
    f.dataset.max = String(max);
    f.setAttribute("aria-describedby", f.id + "-msg");
    f.addEventListener("input", () => { delete refused[f.id]; fieldNote(f); });
    return [f, el("p", { class: "fieldmsg error", id: f.id + "-msg", role: "alert", hidden: true })];
  }
  // fieldNote says at the field whether its text can be sent; true when it is too long.
  function fieldNote(f) {
    const m = document.getElementById(f.id + "-msg");
    const max = Number(f.dataset.max);
    const n = max && f.value.length * 3 > max ? utf8.encode(f.value).length : 0; // a UTF-16 unit is at most 3 bytes
    const lang = state ? state.lang : undefined;
    let msg = "";
    if (n > max) msg = t("phone.field.long", n.toLocaleString(lang), max.toLocaleString(lang));
    else if (refused[f.id]) msg = t(refused[f.id]);
    if (m) { m.textContent = msg; m.hidden = !msg; }
    if (msg) f.setAttribute("aria-invalid", "true");
    else f.removeAttribute("aria-invalid");
    return n > max;
  }
  function tooLong(ids) {
    const over = ids.map((id) => document.getElementById(id)).filter((f) => f && fieldNote(f));
    if (!over.length) return false;
    status(t("phone.err.long"), "error");
    over[0].focus();
    return true;
  }
  // refuse says the server's refusal at the longest of the fields sent.
  function refuse(ids, key) {
    let f = null;
    ids.forEach((id) => {
      const x = document.getElementById(id);
      if (x && (!f || x.value.length > f.value.length)) f = x;
    });
    if (!f || !f.value) return false;
    refused[f.id] = key;
    fieldNote(f);
    f.focus();
    return true;
  }

  // showGone replaces the page with why it cannot go on; what was typed
  // and not sent is parked first, to come back if this phone joins again.
  function showGone(key) {
    if (es) { es.close(); es = null; }
    if (state && state.me) {
      park(state.step.key, unsent());
      savePark();
    }
    app.replaceChildren(el("div", { class: "card" }, el("p", { class: "error" }, t(key)), el("p", {}, t("phone.message.help"))));
  }

  // Text typed but not sent when the facilitator moves on, or closes the
  // step's input, is parked with its step, on this phone (also over a
  // reload), and put back when its field is there again; the page says so.
  // initial is what a field showed when it was built (the stored answer,
  // or nothing; a card's text in its edit box).
  const parkKey = "lupauspaja.parked";
  let parked = {};
  let note = "";
  try { parked = JSON.parse(sessionStorage.getItem(parkKey) || "{}") || {}; } catch (e) { parked = {}; }
  // park adds vals (field id → text) to what is parked with the step key.
  function park(key, vals) {
    if (Object.keys(vals).length) parked[key] = Object.assign(parked[key] || {}, vals);
  }
  function savePark() { try { sessionStorage.setItem(parkKey, JSON.stringify(parked)); } catch (e) { /* private mode: memory only */ } }
  // Leaving the page (the language switch reloads it) parks what is
  // typed and not sent, to be put back on the page that comes.
  window.addEventListener("pagehide", () => {
    if (!state || !state.me) return;
    const u = unsent();
    if (Object.keys(u).length) {
      park(state.step.key, u);
      savePark();
    }
  });
  function unsent() {
    const out = {};
    app.querySelectorAll("input[id], textarea[id]").forEach((x) => {
      if (x.value.trim() !== "" && x.value !== (x.dataset.initial || "")) out[x.id] = x.value;
    });
    return out;
  }

  // Form values survive a re-render: a push while someone types keeps the typing.
  function keep() {
    const vals = {};
    app.querySelectorAll("input[id], textarea[id], select[id]").forEach((x) => { vals[x.id] = x.value; });
    const a = document.activeElement;
    return { vals, focus: a && a.id, sel: a && a.selectionStart !== undefined ? [a.selectionStart, a.selectionEnd] : null };
  }
  function restore(k) {
    for (const [id, v] of Object.entries(k.vals)) {
      const x = document.getElementById(id);
      if (x) x.value = v;
    }
    const f = k.focus && document.getElementById(k.focus);
    if (f) {
      f.focus();
      if (k.sel && f.setSelectionRange) { try { f.setSelectionRange(k.sel[0], k.sel[1]); } catch (e) { /* not a text input */ } }
    }
    app.querySelectorAll("[data-counter]").forEach(updateWords);
    app.querySelectorAll("[data-max]").forEach(fieldNote);
  }

  function render(s) {
    if (!s) return;
    if (state && s.v < state.v && s.step.key === state.step.key) return; // an older answer after a newer push
    const same = JSON.stringify(Object.assign({}, s, { v: 0, held: false }));
    if (same === shown) { state = s; return; } // nothing this phone shows has changed
    shown = same;
    const k = keep();
    const before = state && state.step.key;
    const moved = before && before !== s.step.key;
    const u = state && state.me ? unsent() : {};
    let left = 0;
    if (moved) {
      left = Object.keys(u).length;
      park(before, u);
      k.vals = {};
      k.focus = null;
      local.edits = {}; // parked with their step, or not changed
      status("");
    }
    // A screen reader hears the step when it changes (and whether it can be
    // answered), not the whole page again at every push.
    const heard = s.me ? [s.step.no ? t("phone.step", s.step.no) : "", s.step.title || "", s.step.open ? "" : t("phone.closed")].filter(Boolean).join(". ") : "";
    if (heard !== announced) { announced = heard; document.getElementById("announce").textContent = heard; }
    state = s;
    document.documentElement.lang = s.lang;
    document.getElementById("title").textContent = s.title || t("phone.title");
    document.getElementById("who").textContent = s.me ? (s.me.name || t("phone.anonymous")) : "";
    // Edits parked with the step open again, for the cards still there.
    const waiting = s.me && parked[s.step.key];
    if (waiting) for (const [id, v] of Object.entries(waiting)) if (id.startsWith("edit-") && !(id in local.edits)) local.edits[id] = v;
    const view = [];
    if (!s.me) view.push(...pickName(s));
    else view.push(...stepView(s));
    app.replaceChildren(...view);
    app.querySelectorAll("input[id], textarea[id]").forEach((x) => { if (x.dataset.initial === undefined) x.dataset.initial = x.value; });
    // What was typed and not sent whose field is gone, the step being the
    // same (the facilitator closed its input), is parked as on a change
    // of step, to come back when its field does.
    let gone = 0;
    if (!moved) {
      for (const [id, v] of Object.entries(u)) {
        if (document.getElementById(id)) continue;
        park(s.step.key, { [id]: v });
        gone++;
      }
    }
    // Parked text is put back where its field is; the rest waits.
    let took = 0;
    const back = s.me && parked[s.step.key];
    if (back) {
      for (const [id, v] of Object.entries(back)) {
        if (!document.getElementById(id)) continue;
        if (!(id in k.vals)) k.vals[id] = v;
        delete back[id];
        took++;
      }
      if (!Object.keys(back).length) delete parked[s.step.key];
    }
    for (const id of Object.keys(local.edits)) if (!document.getElementById(id)) delete local.edits[id];
    restore(k);
    if (moved || gone || took) savePark();
    // Said on the page, above the step (the footer is one short line),
    // until the step changes or something is sent.
    if (moved) note = "";
    if (took) note = t("phone.parked.back");
    else if (left) note = t("phone.parked");
    else if (gone) note = t(s.step.open ? "phone.parked.gone" : "phone.parked.closed");
    if (note && s.me) app.prepend(el("p", { class: "notice warn", id: "parked", role: "status" }, note));
  }

  function pickName(s) {
    const out = [el("h1", {}, t("phone.name.heading")), el("p", { class: "muted" }, t("phone.name.help"))];
    const list = el("div", { class: "list" });
    (s.people || []).forEach((p) => {
      list.append(el("button", { disabled: p.taken, onclick: () => post("/api/name", { participant_id: p.id }, { done: "" }) },
        p.name, p.taken ? el("span", { class: "muted" }, " · " + t("phone.name.taken")) : null));
    });
    out.push(list);
    if (s.guests) {
      out.push(el("div", { class: "card" },
        el("label", { for: "guest" }, t("phone.name.guest")),
        ...limited(el("input", { id: "guest", autocomplete: "name" }), maxName),
        el("button", { class: "primary", onclick: () => {
          const v = document.getElementById("guest").value.trim();
          if (v) post("/api/name", { name: v }, { done: "", fields: ["guest"] });
        } }, t("phone.name.guest.join"))));
    }
    out.push(el("button", { class: "link", onclick: () => post("/api/name", { anonymous: true }, { done: "" }) }, t("phone.name.anonymous")));
    return out;
  }

  function stepView(s) {
    const st = s.step;
    const out = [];
    if (st.no) out.push(el("p", { class: "stepno" }, t("phone.step", st.no)));
    out.push(el("h1", {}, st.title || ""));
    (st.questions || []).forEach((q) => out.push(el("p", { class: "question" }, q)));
    if (!st.open) {
      out.push(el("p", { class: "notice" }, t("phone.closed")));
      return out;
    }
    // Anonymous: the votes of steps 1, 6 and 7 count under no name; cards have no author.
    const votes = ["baseline", "evaluation", "decision"].includes(st.key);
    if (s.me.anonymous) out.push(el("p", { class: "muted", id: "anonnote" }, t(votes ? "phone.anon.votes" : "phone.anon.cards")));
    const build = steps[st.key];
    if (build) out.push(...build(s));
    if (s.cards && s.cards.length) out.push(mine(s));
    return out;
  }

  function choiceButtons(values, current, label, onpick, cls) {
    return el("div", { class: cls || "choices" }, ...values.map((v) =>
      el("button", { "aria-pressed": String(v === current), onclick: () => onpick(v) }, label(v))));
  }

  function textField(id, labelKey, opts) {
    opts = opts || {};
    const kids = [el("label", { for: id }, t(labelKey))];
    const attrs = { id, placeholder: opts.placeholder };
    if (opts.words) attrs["data-counter"] = String(opts.words);
    const f = opts.area ? el("textarea", attrs) : el("input", Object.assign({ type: opts.type || "text" }, attrs));
    if (opts.words) f.addEventListener("input", () => updateWords(f));
    kids.push(...limited(f, maxText));
    if (opts.words) kids.push(el("div", { class: "words", id: id + "-words" }));
    return kids;
  }
  function updateWords(f) {
    const max = Number(f.dataset.counter);
    const n = f.value.trim() ? f.value.trim().split(/\s+/).length : 0;
    const w = document.getElementById(f.id + "-words");
    if (!w) return;
    w.textContent = t("phone.words", n, max);
    w.className = "words" + (n > max ? " over" : "");
  }
  function val(id) { const x = document.getElementById(id); return x ? x.value : ""; }
  function clear(...ids) {
    ids.forEach((id) => {
      const x = document.getElementById(id);
      if (!x) return;
      x.value = "";
      x.dataset.initial = "";
      delete refused[id];
      if (x.dataset.counter) updateWords(x);
      if (x.dataset.max) fieldNote(x);
    });
  }
  async function send(body, ...ids) { if (await op(body, { fields: ids })) clear(...ids); }

  function segmentSelect(s) {
    if (!s.segments || !s.segments.length) return [];
    return [el("label", { for: "seg" }, t("phone.segment")),
      el("select", { id: "seg" }, ...s.segments.map((g) => el("option", { value: g.id }, g.text)))];
  }
  function select(id, labelKey, values, prefix) {
    return [el("label", { for: id }, t(labelKey)),
      el("select", { id }, ...values.map((v) => el("option", { value: v }, t(prefix + v))))];
  }

  const steps = {
    baseline(s) {
      const my = s.my_ladder || { level: 0, would_buy: "", why: "" };
      const rungs = el("div", { class: "list" }, ...s.ladder.map((r) =>
        el("button", { "aria-pressed": String(r.level === my.level), onclick: () => op({ op: "rung", level: r.level === my.level ? 0 : r.level }) },
          r.level + " · " + r.label)));
      const buy = choiceButtons(["yes", "maybe", "no"], my.would_buy, (v) => t("phone.buy." + v),
        (v) => op({ op: "would_buy", answer: v === my.would_buy ? "" : v, why: val("why") || my.why }, { fields: ["why"] }));
      const why = textField("why", "phone.buy.why", { area: true });
      why[1].value = my.why || "";
      return [el("h2", {}, t("phone.rung")), rungs, el("h2", {}, t("phone.buy")), buy, ...why,
        el("button", { class: "primary", onclick: () => op({ op: "would_buy", answer: my.would_buy, why: val("why") }, { fields: ["why"] }) }, t("phone.save"))];
    },
    purpose() {
      return [el("div", { class: "card" }, el("h2", {}, t("phone.segment.new")),
        ...textField("segname", "phone.segment.name"), ...textField("segdesc", "phone.segment.desc", { area: true }),
        el("button", { class: "primary", onclick: () => send({ op: "segment", text: val("segname"), description: val("segdesc") }, "segname", "segdesc") }, t("phone.add")))];
    },
    customer_profile(s) {
      return [el("div", { class: "card" }, ...segmentSelect(s),
        ...select("ptype", "phone.profile.type", ["job", "pain", "gain"], "phone.profile."),
        ...textField("ptext", "phone.card.text", { area: true }),
        ...select("evidence", "phone.evidence", ["assumption", "customer_said", "feedback_data", "employee_observation"], "phone.evidence."),
        el("button", { class: "primary", onclick: () => send({ op: "profile_item", segment_id: val("seg"), type: val("ptype"), text: val("ptext"), evidence: val("evidence") }, "ptext") }, t("phone.add")))];
    },
    value_map(s) {
      return [el("div", { class: "card" }, ...segmentSelect(s),
        ...select("vtype", "phone.value.type", ["product_service", "pain_reliever", "gain_creator", "alternative"], "phone.value."),
        ...textField("vtext", "phone.card.text", { area: true }),
        el("button", { class: "primary", onclick: () => {
          const ty = val("vtype");
          const body = ty === "alternative" ? { op: "alternative", text: val("vtext") } : { op: "value_item", segment_id: val("seg"), type: ty, text: val("vtext") };
          send(body, "vtext");
        } }, t("phone.add")))];
    },
    drafts(s) {
      const moore = el("details", { id: "moore" }, el("summary", {}, t("phone.moore")),
        el("p", { class: "hint" }, s.step.hint || ""),
        ...["for", "need", "benefit", "unlike", "differentiator"].flatMap((f) => textField("m-" + f, "phone.moore." + f)));
      return [el("div", { class: "card" },
        ...textField("dtext", "phone.draft", { area: true, words: 25, max: 4000 }),
        moore,
        el("button", { class: "primary", onclick: () => {
          const m = {};
          let any = false;
          ["for", "need", "benefit", "unlike", "differentiator"].forEach((f) => { m[f] = val("m-" + f); any = any || m[f].trim() !== ""; });
          const body = { op: "draft", text: val("dtext") };
          if (any) body.moore = m;
          send(body, "dtext", "m-for", "m-need", "m-benefit", "m-unlike", "m-differentiator");
        } }, t("phone.add")))];
    },
    evaluation(s) {
      const d = s.dots || { max: 0, left: 0, on: {} };
      const out = [el("h2", {}, t("phone.dots")), el("p", { class: "muted", id: "dotsleft" }, t("phone.dots.left", d.left, d.max))];
      s.drafts.forEach((dr) => {
        const n = d.on[dr.id] || 0;
        out.push(el("div", { class: "card" }, el("p", { class: "draft" }, dr.text),
          el("div", { class: "dotsline" },
            el("button", { "aria-label": t("phone.dots.take"), disabled: n === 0, onclick: () => op({ op: "dot", draft_id: dr.id, delta: -1 }) }, "−"),
            el("span", { class: "count", "data-draft": dr.id }, String(n)),
            el("button", { "aria-label": t("phone.dots.give"), disabled: d.left <= 0, onclick: () => op({ op: "dot", draft_id: dr.id, delta: 1 }) }, "+"))));
      });
      const rate = (s.rate_ids || []).map((id) => s.drafts.find((x) => x.id === id)).filter(Boolean);
      if (rate.length) {
        out.push(el("h2", {}, t("phone.rate")), el("p", { class: "muted" }, t("phone.rate.help")));
        rate.forEach((dr, i) => out.push(rating(s, dr, i === 0)));
      }
      return out;
    },
    decision(s) {
      const c = s.consent;
      const out = [];
      if (c.text) out.push(el("div", { class: "card" }, el("p", { class: "draft question" }, c.text)));
      out.push(el("h2", {}, t("phone.fist", c.round)), el("p", { class: "muted" }, t("phone.fist.help")));
      if (local.round !== c.round || local.pick === null) { local.round = c.round; local.pick = c.fingers; }
      const row = el("div", { class: "fingers" });
      const concern = el("div", { id: "concernbox" }, ...textField("concern", "phone.concern", { area: true }));
      const draw = () => {
        row.replaceChildren(...[0, 1, 2, 3, 4, 5].map((n) => el("button", { "aria-pressed": String(n === local.pick), onclick: () => {
          local.pick = n;
          draw();
          status(n === c.fingers ? "" : t("phone.unsent"), n === c.fingers ? "" : "warn");
        } }, String(n))));
        concern.hidden = !(local.pick >= 0 && local.pick < 3);
      };
      draw();
      concern.querySelector("textarea").value = c.concern || "";
      out.push(row, concern, el("button", { class: "primary", onclick: () => {
        if (local.pick < 0) { status(t("phone.fist.pick"), "error"); return; }
        op({ op: "consent", fingers: local.pick, concern: local.pick < 3 ? val("concern") : "" }, { fields: local.pick < 3 ? ["concern"] : [] });
      } }, t("phone.send")));
      return out;
    },
    measures() {
      return [el("div", { class: "card" }, ...textField("mname", "phone.measure.name"),
        ...select("mtype", "phone.measure.type", ["", "NPS", "CES", "CSAT", "operational", "employee", "other"], "phone.measure.type."),
        ...textField("mdef", "phone.measure.def", { area: true }), ...textField("mowner", "phone.owner"),
        el("button", { class: "primary", onclick: () => send({ op: "measure", name: val("mname"), type: val("mtype"), definition: val("mdef"), owner: val("mowner") }, "mname", "mdef", "mowner") }, t("phone.add")))];
    },
    next_steps(s) {
      return [el("div", { class: "card" },
        ...select("akind", "phone.action.kind", ["understand", "mobilise", "act"], "phone.action.kind."),
        ...textField("atext", "phone.action.what", { area: true }), ...textField("aowner", "phone.owner"),
        ...textField("adue", "phone.action.due", { type: "date" }),
        el("button", { class: "primary", onclick: () => send({ op: "action", kind: val("akind"), text: val("atext"), owner: val("aowner"), due: val("adue") }, "atext", "aowner", "adue") }, t("phone.add")))];
    },
  };

  function rating(s, dr, first) {
    const have = (s.my_ratings || {})[dr.id] || "";
    // Scores picked but not yet sent stay picked when another phone's change re-renders the page.
    if (!local.scores[dr.id] || local.sent[dr.id] !== have) {
      local.scores[dr.id] = s.criteria.map((_, i) => (have[i] && have[i] !== "-" ? Number(have[i]) : 0));
      local.sent[dr.id] = have;
    }
    const scores = local.scores[dr.id];
    const box = el("div", { class: "card", "data-rate": dr.id }, el("p", { class: "draft" }, dr.text));
    s.criteria.forEach((c, i) => {
      const row = el("div", { class: "scores" });
      const draw = () => row.replaceChildren(...[1, 2, 3, 4, 5].map((n) =>
        el("button", { "aria-pressed": String(scores[i] === n), "aria-label": c.id + " " + n, onclick: () => { scores[i] = n; draw(); status(t("phone.unsent"), "warn"); } }, String(n))));
      draw();
      // The criteria's questions once, on the first draft rated: after that
      // the names say enough, and five drafts' forty rows stay a page.
      box.append(el("div", { class: "crit" }, c.id + " " + c.name, first ? el("small", {}, c.question + " (1 " + c.scale[0] + " · 5 " + c.scale[2] + ")") : null), row);
    });
    box.append(el("button", { class: "primary", onclick: () => {
      if (scores.some((x) => x === 0)) { status(t("phone.rate.all"), "error"); return; }
      op({ op: "rating", draft_id: dr.id, row: scores.join("") });
    } }, have ? t("phone.rate.change") : t("phone.rate.save")));
    return box;
  }

  // mine lists this phone's own cards of the step, to change or withdraw.
  function mine(s) {
    const box = el("div", { class: "mine" }, el("h2", {}, t("phone.mine")));
    s.cards.forEach((c, i) => {
      if (c.pending) { box.append(el("div", { class: "card pending" }, el("span", { class: "text" }, c.text), " · ", t("phone.pending"))); return; }
      const id = "edit-" + c.kind + "-" + c.id;
      const card = el("div", { class: "card" });
      const show = () => card.replaceChildren(el("p", { class: "text" }, c.text),
        el("div", { class: "row" },
          el("button", { class: "link", onclick: () => edit().focus() }, t("phone.edit")),
          el("button", { class: "link", onclick: ask }, t("phone.withdraw"))));
      // Withdrawing asks once more, in place: a card is not lost to a stray tap.
      const ask = () => card.replaceChildren(el("p", { class: "text" }, c.text),
        el("p", { class: "error" }, t("phone.withdraw.ask")),
        el("div", { class: "row" },
          el("button", { class: "danger", onclick: () => op({ op: "withdraw", kind: c.kind, id: c.id }, { done: "phone.withdrawn" }) }, t("phone.withdraw.yes")),
          el("button", { class: "link", onclick: show }, t("phone.cancel"))));
      // An open edit lives in local.edits until it is saved or cancelled:
      // unsent while it differs from the card (data-initial), parked as
      // other typing is; what the footer said saved is not this.
      const edit = () => {
        if (!(id in local.edits)) {
          local.edits[id] = c.text;
          if (document.getElementById("status").className === "ok") status("");
        }
        const area = el("textarea", { id, "data-initial": c.text });
        area.value = local.edits[id];
        area.addEventListener("input", () => { local.edits[id] = area.value; });
        card.replaceChildren(...limited(area, maxText), el("div", { class: "row" },
          el("button", { class: "link", onclick: () => op({ op: "edit", kind: c.kind, id: c.id, text: area.value },
            { fields: [id], sent: () => { delete local.edits[id]; } }) }, t("phone.save")),
          el("button", { class: "link", onclick: () => { delete local.edits[id]; show(); } }, t("phone.cancel"))));
        return area;
      };
      if (id in local.edits) edit();
      else show();
      box.append(card);
    });
    return box;
  }

  async function fresh() {
    if (closed) return;
    try {
      const r = await fetch("/api/state", { credentials: "same-origin" });
      if (closed) return;
      if (r.status === 401) { showGone("phone.err.unjoined"); return; }
      if (r.ok) { render(await r.json()); conn(""); }
    } catch (e) { if (!closed) conn(t("phone.offline")); }
  }

  function listen() {
    if (es) es.close();
    es = new EventSource("/api/events");
    es.addEventListener("state", (ev) => { conn(""); render(JSON.parse(ev.data)); });
    es.addEventListener("removed", () => showGone("phone.removed"));
    es.addEventListener("closed", roomClosed);
    es.addEventListener("replaced", replaced);
    es.onerror = () => {
      if (closed) return;
      conn(t("phone.offline"));
      if (es && es.readyState === EventSource.CLOSED) setTimeout(() => { if (!closed) { fresh(); listen(); } }, 2000);
    };
  }

  // A newer tab of this phone took this tab's stream (a phone has a few):
  // reconnecting at once would end another tab's in turn. While shown,
  // this tab asks for the state every few seconds instead; it takes a
  // stream again when it is shown anew.
  let followTimer = 0;
  function replaced() {
    if (es) { es.close(); es = null; }
    conn("");
    follow();
  }
  function follow() {
    clearTimeout(followTimer);
    followTimer = setTimeout(() => {
      if (es || closed) return;
      if (document.visibilityState === "visible") fresh();
      follow();
    }, 5000);
  }

  // The facilitator closed the room: the stream stops trying, nothing can
  // be sent, and what is typed stays in its field, parked with its step
  // too (so that a reload keeps it). The page asks now and then, ever less
  // often, whether the room is open again (the app restarted, the room
  // opened anew for the workshop): then it goes on where it was.
  let closed = false;
  let knockWait = 0;
  let knockTimer = 0;
  let closedKept = []; // the fields whose typing closing parked
  function roomClosed() {
    if (es) { es.close(); es = null; }
    if (closed) return;
    closed = true;
    shut();
    status("");
    knockWait = 2000;
    knockTimer = setTimeout(knock, knockWait);
  }
  // shut shows the page as closed: again after a send that was under way
  // when the room closed has drawn the page anew.
  function shut() {
    if (!closed) return;
    const u = state && state.me ? unsent() : {};
    const kept = Object.keys(u).length > 0;
    if (state && state.me) {
      const key = state.step.key;
      const p = parked[key] || {};
      closedKept.forEach((id) => { delete p[id]; }); // sent meanwhile, or parked again below
      Object.assign(p, u);
      closedKept = Object.keys(u);
      if (Object.keys(p).length) parked[key] = p; else delete parked[key];
      savePark();
    }
    document.querySelectorAll("button").forEach((b) => { b.disabled = true; });
    const old = document.getElementById("roomclosed");
    if (old) old.remove();
    app.prepend(el("p", { class: "notice warn", id: "roomclosed", role: "alert" }, t(kept ? "phone.room.closed.kept" : "phone.room.closed")));
    conn(t("phone.conn.closed"));
  }
  let knocking = false;
  async function knock() {
    if (!closed || knocking) return;
    clearTimeout(knockTimer);
    knocking = true;
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), timeout);
    try {
      const r = await fetch("/api/state", { credentials: "same-origin", signal: ctl.signal });
      if (r.status === 401) { closed = false; conn(""); showGone("phone.err.unjoined"); return; }
      if (r.ok) { reopened(await r.json()); return; }
    } catch (e) { /* still closed */ } finally { clearTimeout(timer); knocking = false; }
    knockWait = Math.min(knockWait * 2, 30000);
    knockTimer = setTimeout(knock, knockWait);
  }
  // reopened: the room is open again. The page is drawn anew (its buttons
  // back), the typing kept; what was parked on closing comes back as well.
  function reopened(s) {
    closed = false;
    closedKept = [];
    document.querySelectorAll("header button").forEach((b) => { b.disabled = false; });
    conn("");
    shown = "";
    render(s);
    const n = document.getElementById("roomclosed");
    if (n) n.remove();
    status(t("phone.room.open"), "ok");
    listen();
  }

  // What is typed after a save is not saved: the footer stops saying so.
  app.addEventListener("input", () => {
    const st = document.getElementById("status");
    if (st.className === "ok") status("");
  });

  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState !== "visible") return;
    if (closed) { knock(); return; }
    fresh();
    if (!es || es.readyState === EventSource.CLOSED) listen();
  });
  fresh();
  listen();
})();

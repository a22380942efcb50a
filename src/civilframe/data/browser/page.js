"use strict";
// The civilframe framework browser: plain JavaScript over the frameworks' canonical JSON,
// embedded once in this page. Nothing is fetched; every text is set as text, never as HTML.
(function () {
  const DATA = JSON.parse(document.getElementById("civilframe-data").textContent);
  const $ = (id) => document.getElementById(id);
  const controls = {
    framework: $("framework"), search: $("search"), competency: $("competency"),
    level: $("level"), grade: $("grade"), cumulative: $("cumulative"),
  };
  const results = $("results");
  const count = $("count");

  // --- words, as civilframe.text.search_keys makes them -------------------------------------
  function singular(word) {
    const n = word.length;
    if (n > 4 && word.endsWith("ies")) return word.slice(0, -3) + "y";
    if (n > 4 && ["sses", "xes", "ches", "shes", "zzes"].some((e) => word.endsWith(e))) {
      return word.slice(0, -2);
    }
    if (n > 3 && word.endsWith("s") && !["ss", "us", "is"].some((e) => word.endsWith(e))) {
      return word.slice(0, -1);
    }
    return word;
  }
  const WORD = /[\p{L}\p{N}]+/gu;
  function fold(text) {
    return text.toLowerCase().replace(/\s*&\s*/g, " and ");
  }
  function keys(text) {
    const folded = fold(text).replace(/\u2019/g, "'").replace(/'s(?![\p{L}\p{N}])/gu, "");
    return (folded.match(WORD) || []).map(singular);
  }

  // --- the frameworks, indexed once ------------------------------------------------------------
  const frameworks = DATA.frameworks.map((entry) => {
    const fw = entry.framework;
    const sources = new Map(fw.sources.map((s) => [s.id, s]));
    const labels = new Map((fw.level_definitions || []).map((d) => [d.number, d.label]));
    const clusters = new Map((fw.clusters || []).map((c) => [c.id, c.title]));
    const competencies = fw.competencies.map((c) => {
      const levels = (c.levels || []).map((level) => {
        const column = (polarity) => (level[polarity] || []).map((ind) => ({
          id: ind.id, text: ind.text, polarity, level: level.number, note: ind.note || null,
          source: sources.get(ind.source || fw.sources[0].id), keys: new Set(keys(ind.text)),
        }));
        return {
          number: level.number, effective: column("effective"),
          ineffective: column("ineffective"), gaps: level.gaps || [],
        };
      });
      const about = [c.summary, c.description].filter(Boolean).join(" ");
      return {
        id: c.id, number: c.number, name: c.name, cluster: clusters.get(c.cluster) || null,
        summary: c.summary || null, description: c.description || null, levels,
        keys: new Set(keys(c.name + " " + about)),
      };
    });
    return { fw, sources, labels, competencies, grades: entry.grades };
  });
  const byId = new Map(frameworks.map((f) => [f.fw.id, f]));

  // --- state, read from and written to the page's address ---------------------------------
  function readState() {
    const params = new URLSearchParams(location.search);
    return {
      framework: byId.has(params.get("framework")) ? params.get("framework") : frameworks[0].fw.id,
      q: params.get("q") || "",
      competency: params.get("competency") || "",
      level: params.get("level") || "",
      grade: params.get("grade") || "",
      cumulative: params.get("cumulative") === "1",
    };
  }
  function writeState(state) {
    const params = new URLSearchParams();
    if (frameworks.length > 1) params.set("framework", state.framework);
    for (const key of ["q", "competency", "level", "grade"]) {
      if (state[key]) params.set(key, state[key]);
    }
    if (state.cumulative) params.set("cumulative", "1");
    const query = params.toString();
    try {
      history.replaceState(null, "", (query ? "?" + query : location.pathname) + location.hash);
    } catch (error) {
      // an address that cannot change (a sandboxed frame): the view still works
    }
  }

  function option(select, value, text) {
    const item = document.createElement("option");
    item.value = value;
    item.textContent = text;
    select.append(item);
  }
  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Fill the controls for one framework, keeping the choices it can keep.
  function setUp(state) {
    const current = byId.get(state.framework);
    controls.framework.replaceChildren();
    for (const f of frameworks) option(controls.framework, f.fw.id, f.fw.title);
    controls.framework.value = state.framework;
    $("framework-control").hidden = frameworks.length < 2;
    controls.competency.replaceChildren();
    option(controls.competency, "", "All");
    for (const c of current.competencies) option(controls.competency, c.id, c.name);
    controls.level.replaceChildren();
    option(controls.level, "", "All");
    for (const [number, label] of current.labels) option(controls.level, String(number), `Level ${number} (${label})`);
    controls.grade.replaceChildren();
    option(controls.grade, "", "Any");
    for (const g of current.grades) option(controls.grade, g.name, `${g.name} (Level ${g.level})`);
    const has = (select, value) => [...select.options].some((o) => o.value === value);
    controls.search.value = state.q;
    controls.competency.value = has(controls.competency, state.competency) ? state.competency : "";
    controls.level.value = has(controls.level, state.level) ? state.level : "";
    controls.grade.value = has(controls.grade, state.grade) ? state.grade : "";
    controls.cumulative.checked = state.cumulative;
    const fw = current.fw;
    const own = fw.sources[0];
    $("title").textContent = fw.title + (fw.edition ? ` (${fw.edition})` : "");
    document.title = $("title").textContent;
    $("provenance").textContent = `Source: ${own.title}` + (fw.publisher ? `, ${fw.publisher}` : "") +
      `. Text verbatim from the source; where it lost text, the page says so.`;
  }

  function stateOf() {
    return {
      framework: controls.framework.value || frameworks[0].fw.id,
      q: controls.search.value,
      competency: controls.competency.value,
      level: controls.level.value,
      grade: controls.grade.value,
      cumulative: controls.cumulative.checked,
    };
  }

  // The text, with the words the search matched marked.
  function marked(text, wanted) {
    const node = document.createDocumentFragment();
    if (!wanted.size) {
      node.append(text);
      return node;
    }
    let last = 0;
    for (const match of text.matchAll(WORD)) {
      if (!wanted.has(singular(fold(match[0])))) continue;
      node.append(text.slice(last, match.index), element("mark", "", match[0]));
      last = match.index + match[0].length;
    }
    node.append(text.slice(last));
    return node;
  }

  function indicatorItem(ind, fw, wanted) {
    const item = element("li", "indicator");
    item.id = ind.id;
    item.dataset.level = String(ind.level);
    item.dataset.polarity = ind.polarity;
    const text = element("p", "text");
    text.append(marked(ind.text, wanted));
    const meta = element("p", "meta");
    const link = element("a", "id");
    // with several frameworks on the page, the link names the framework too (ids may repeat)
    const prefix = frameworks.length > 1 ? "?framework=" + encodeURIComponent(fw.id) : "";
    link.href = prefix + "#" + encodeURIComponent(ind.id);
    link.append(element("code", "", ind.id));
    const copy = element("button", "copy", "Copy id");
    copy.type = "button";
    copy.setAttribute("aria-label", `Copy the id ${ind.id}`);
    copy.addEventListener("click", () => copyText(ind.id, copy));
    meta.append(link, copy);
    if (ind.source.id !== fw.sources[0].id) {
      meta.append(element("span", "source borrowed", `From ${ind.source.id}: ${ind.source.title}`));
    } else {
      const own = element("span", "source", `Source ${ind.source.id}`);
      own.title = ind.source.title;
      meta.append(own);
    }
    if (ind.note) meta.append(element("span", "note", ind.note));
    item.append(text, meta);
    return item;
  }

  function copyText(text, button) {
    const done = () => { button.textContent = "Copied"; setTimeout(() => { button.textContent = "Copy id"; }, 1500); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, () => fallbackCopy(text) && done());
    } else if (fallbackCopy(text)) {
      done();
    }
  }
  function fallbackCopy(text) {
    const area = element("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    let copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    area.remove();
    return copied;
  }

  function gapNote(gap, f) {
    let text = `Text lost in the source: ${gap.note}`;
    const from = gap.recovered_from ? f.sources.get(gap.recovered_from) : null;
    if (from) text += ` (recovered from ${from.id}: ${from.title})`;
    const note = element("p", "gap", text);
    note.setAttribute("role", "note");
    return note;
  }

  // Draw the view the controls describe; return how many indicators it shows.
  function render() {
    const state = stateOf();
    const f = byId.get(state.framework);
    const wanted = new Set(keys(state.q));
    const grade = f.grades.find((g) => g.name === state.grade);
    controls.level.disabled = Boolean(grade);
    if (grade) controls.level.value = String(grade.level);
    const level = grade ? grade.level : (state.level ? Number(state.level) : null);
    controls.cumulative.disabled = !(f.fw.cumulative && level !== null);
    const cumulative = f.fw.cumulative && level !== null && controls.cumulative.checked;
    const shows = (n) => level === null || n === level || (cumulative && n < level);
    const matches = (set) => [...wanted].every((w) => set.has(w));
    results.replaceChildren();
    let shown = 0;
    let named = 0;
    for (const c of f.competencies) {
      if (state.competency && c.id !== state.competency) continue;
      const section = element("section", "competency");
      section.id = "competency-" + c.id;
      const heading = element("h2");
      heading.append(marked((c.number ? `${c.number}. ` : "") + c.name, wanted));
      section.append(heading);
      if (c.cluster) section.append(element("p", "cluster muted", c.cluster));
      const about = c.description || c.summary;
      if (about) {
        const definition = element("p", "definition");
        definition.append(marked(about, wanted));
        section.append(definition);
      }
      const nameMatches = wanted.size > 0 && matches(c.keys);
      let inSection = 0;
      for (const lv of c.levels) {
        if (!shows(lv.number)) continue;
        const block = element("section", "level");
        const label = f.labels.get(lv.number);
        block.append(element("h3", "", label ? `Level ${lv.number} (${label})` : `Level ${lv.number}`));
        const columns = element("div", "columns");
        let inLevel = 0;
        for (const polarity of ["effective", "ineffective"]) {
          const items = lv[polarity].filter((ind) => matches(ind.keys));
          const gaps = lv.gaps.filter((g) => g.polarity === polarity);
          if (!items.length && !(gaps.length && !wanted.size)) continue;
          const column = element("div", "column " + polarity);
          column.append(element("h4", "", polarity === "effective" ? "Effective" : "Ineffective"));
          if (!wanted.size) for (const gap of gaps) column.append(gapNote(gap, f));
          const list = element("ul");
          for (const ind of items) list.append(indicatorItem(ind, f.fw, wanted));
          column.append(list);
          columns.append(column);
          inLevel += items.length;
        }
        if (!columns.childElementCount) continue;
        block.append(columns);
        section.append(block);
        inSection += inLevel;
      }
      if (!inSection && !nameMatches && (wanted.size || c.levels.length)) continue;
      if (nameMatches) named += 1;
      shown += inSection;
      results.append(section);
    }
    if (!results.childElementCount) results.append(element("p", "empty", "Nothing matches."));
    if (!state.q && !state.competency && level === null) appendQuestions(f);
    count.textContent = `${shown} indicator${shown === 1 ? "" : "s"}` +
      (named ? `, ${named} competenc${named === 1 ? "y" : "ies"} by name or definition` : "");
    count.dataset.shown = String(shown);
    writeState(state);
    return shown;
  }

  function appendQuestions(f) {
    if (!(f.fw.questions || []).length) return;
    const section = element("section", "competency questions");
    section.append(element("h2", "", "Questions"));
    const list = element("dl");
    for (const q of f.fw.questions) list.append(element("dt", "", q.name), element("dd", "", q.text));
    section.append(list);
    results.append(section);
  }

  // Open the page at #id: show that indicator (widening the view if it is hidden), mark it.
  function showTarget() {
    let id;
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch (error) {
      return; // a malformed fragment names no indicator
    }
    if (!id) return;
    let target = document.getElementById(id);
    if (!target || !target.classList.contains("indicator")) {
      // ids are unique in a framework, not across them: the framework on view comes first
      const holds = (f) => f.competencies.some((c) => c.levels.some(
        (lv) => lv.effective.concat(lv.ineffective).some((ind) => ind.id === id)));
      const current = byId.get(controls.framework.value);
      const home = current && holds(current) ? current : frameworks.find(holds);
      if (!home) return;
      setUp({ framework: home.fw.id, q: "", competency: "", level: "", grade: "", cumulative: false });
      render();
      target = document.getElementById(id);
      if (!target) return;
    }
    for (const old of document.querySelectorAll(".indicator.target")) old.classList.remove("target");
    target.classList.add("target");
    target.setAttribute("tabindex", "-1");
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
  }

  controls.framework.addEventListener("change", () => {
    setUp({ ...stateOf(), competency: "", level: "", grade: "" });
    render();
  });
  for (const name of ["search"]) controls[name].addEventListener("input", render);
  for (const name of ["competency", "level", "grade", "cumulative"]) {
    controls[name].addEventListener("change", render);
  }
  window.addEventListener("hashchange", showTarget);

  setUp(readState());
  render();
  showTarget();
  document.documentElement.dataset.ready = "true";
})();

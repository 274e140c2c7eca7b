/// The page's stylesheet and script, compiled into the binary: no CDN, no build step, and
/// nothing served from a path the URL names.
enum Assets {
    /// The files served under `/static/`, by name.
    static let files: [String: (type: String, body: String)] = [
        "app.css": ("text/css; charset=utf-8", css),
        "app.js": ("text/javascript; charset=utf-8", javascript),
    ]

    static let css = """
    :root { --bg: #fff; --fg: #1b1b1b; --muted: #5d5d5d; --line: #d9d9d9; --accent: #0b5cad; --mark: #ffe98a; --chip: #eef2f7; --marked: #fff7d6; }
    @media (prefers-color-scheme: dark) {
      :root { --bg: #15171a; --fg: #e7e7e7; --muted: #a3a3a3; --line: #33373d; --accent: #7db7ff; --mark: #6b5a00; --chip: #252a31; --marked: #2e2a16; }
    }
    * { box-sizing: border-box; }
    body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; background: var(--bg); color: var(--fg); }
    a { color: var(--accent); }
    header.top { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: flex-start; padding: .75rem 1rem; border-bottom: 1px solid var(--line); }
    .brand { font-weight: 700; text-decoration: none; font-size: 1.2rem; padding-top: .3rem; }
    form.search { flex: 1; min-width: 16rem; display: flex; flex-wrap: wrap; gap: .4rem; }
    form.search input[type=search] { flex: 1; min-width: 10rem; padding: .45rem .6rem; font-size: 1rem; border: 1px solid var(--line); border-radius: 4px; background: var(--bg); color: var(--fg); }
    form.search button { padding: .45rem .9rem; font-size: 1rem; border-radius: 4px; border: 1px solid var(--accent); background: var(--accent); color: var(--bg); cursor: pointer; }
    .hint { flex-basis: 100%; margin: 0; color: var(--muted); font-size: .8rem; }
    main { padding: 1rem; max-width: 80rem; margin: 0 auto; }
    .layout { display: grid; grid-template-columns: minmax(0, 1fr) 18rem; gap: 2rem; }
    @media (max-width: 50rem) { .layout { grid-template-columns: 1fr; } }
    .hits { padding-left: 1.5rem; }
    .hit { margin-bottom: 1.2rem; }
    .hit h2 { font-size: 1.05rem; margin: 0; }
    .meta, .summary, .controls, .range { color: var(--muted); font-size: .85rem; margin: .15rem 0; }
    .snippet, .text { margin: .3rem 0; overflow-wrap: anywhere; }
    mark { background: var(--mark); color: inherit; padding: 0 .1em; }
    .chip { display: inline-block; background: var(--chip); border-radius: 1rem; padding: 0 .55rem; margin: .1rem 0; font-size: .8rem; text-decoration: none; color: var(--fg); }
    .chip-kind { color: var(--muted); }
    .chip.active { border: 1px solid var(--accent); }
    .more, .notice { color: var(--muted); font-size: .85rem; }
    .notice { border-left: 3px solid var(--accent); padding-left: .5rem; }
    .facet-group h3 { font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: 1rem 0 .3rem; }
    .facet-group ul { list-style: none; padding: 0; margin: 0; }
    .facet { display: flex; justify-content: space-between; text-decoration: none; padding: .1rem .3rem; border-radius: 3px; }
    .facet:hover, .facet.active { background: var(--chip); }
    .facet .count { color: var(--muted); font-variant-numeric: tabular-nums; }
    .histogram svg { display: block; border-bottom: 1px solid var(--line); }
    .histogram rect { fill: var(--accent); }
    .histogram a:hover rect { fill: var(--fg); }
    .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem; }
    .column { border-top: 3px solid var(--accent); padding-top: .3rem; }
    .column h2 { font-size: 1rem; margin: 0 0 .5rem; }
    .column .count, .nothing { color: var(--muted); font-weight: normal; }
    table.figures { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
    table.figures th, table.figures td { text-align: left; padding: .25rem .4rem; border-bottom: 1px solid var(--line); vertical-align: top; }
    table.figures td:first-child { white-space: nowrap; }
    .disputed li { margin: .3rem 0; }
    .disputed .what { font-weight: 600; }
    .passage { padding: .4rem .6rem; border-left: 3px solid transparent; }
    .passage.marked { background: var(--marked); border-left-color: var(--accent); }
    .pages { margin: 1rem 0; display: flex; gap: 1rem; }
    .empty, .error { padding: 2rem 0; }
    :focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
    """

    static let javascript = """
    // Progressive enhancement only: every state is a URL and the page works without this.
    document.addEventListener("keydown", function (event) {
      var box = document.getElementById("q");
      if (event.key === "/" && box && document.activeElement !== box && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        box.focus();
        box.select();
      }
    });
    document.addEventListener("DOMContentLoaded", function () {
      var marked = document.querySelector(".passage.marked");
      if (marked) { marked.scrollIntoView({ block: "center" }); }
    });
    """
}

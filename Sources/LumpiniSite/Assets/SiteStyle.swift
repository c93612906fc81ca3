/// `site.css`: plain, readable on a phone, high contrast, visible focus; no web fonts (Thai text uses the
/// reader's own fonts).
enum SiteStyle {
    static let fileName = "site.css"

    static let source = #"""
:root { --ink: #1d2327; --muted: #50575e; --line: #d0d5da; --accent: #0b6e4f; --paper: #ffffff; --soft: #f3f6f4; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Sans Thai", "Sarabun", system-ui, sans-serif; color: var(--ink); background: var(--paper); line-height: 1.6; }
a { color: #0a5ca8; }
a:focus, button:focus, input:focus, summary:focus { outline: 3px solid #f5a623; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; }
.skip:focus { left: .5rem; z-index: 2000; }
header.site { background: var(--accent); color: #fff; padding: .75rem 1rem; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; }
header.site a { color: #fff; }
header.site .brand { font-weight: 700; font-size: 1.15rem; text-decoration: none; }
header.site nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; margin: 0; padding: 0; }
.lang-switch { display: none; margin-left: auto; gap: .25rem; }
.js .lang-switch { display: flex; }
.lang-switch button { background: transparent; color: #fff; border: 1px solid #fff; border-radius: 3px; padding: .2rem .6rem; cursor: pointer; font: inherit; }
.lang-switch button[aria-pressed="true"] { background: #fff; color: var(--accent); }
html[data-show="th"] .en { display: none; }
html[data-show="en"] .th { display: none; }
span.th + span.en::before { content: " · "; color: var(--muted); }
html[data-show="en"] span.th + span.en::before { content: ""; }
h1 .en, h2 .en { font-weight: 400; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
footer.site { border-top: 1px solid var(--line); color: var(--muted); padding: 1rem; font-size: .9rem; text-align: center; }
.meta { color: var(--muted); font-size: .9rem; margin: .1rem 0 .6rem; }
.lead { font-size: 1.05rem; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 1rem; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; background: var(--soft); }
.card h3 { margin: 0 0 .25rem; font-size: 1rem; }
ul.plain { list-style: none; padding: 0; }
ul.plain li { margin: .35rem 0; }
.search { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: 1rem 0; }
.search label { width: 100%; font-weight: 600; }
.search input { flex: 1; min-width: 12rem; font: inherit; padding: .5rem .75rem; border: 2px solid var(--muted); border-radius: 4px; }
.search button { font: inherit; padding: .5rem 1rem; background: var(--accent); color: #fff; border: 0; border-radius: 4px; }
#search-results li { margin: .5rem 0; }
#search-results a span { display: inline; }
.badge { display: inline-block; font-size: .8rem; padding: 0 .45rem; border-radius: 3px; background: #e0ece6; color: #084c36; margin-right: .25rem; }
.badge.stale { background: #fbe3d6; color: #7a2e0b; }
.table-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 4px; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { background: var(--soft); }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
#first-rows td, td.cell { white-space: pre-wrap; }
code, .hash { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85rem; word-break: break-all; }
pre { overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
dl.facts { display: grid; grid-template-columns: minmax(9rem, max-content) 1fr; gap: .25rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.map { height: 28rem; border: 1px solid var(--line); border-radius: 4px; background: #eef1ee; }
.note { background: #fff7e0; border-left: 4px solid #f5a623; padding: .5rem .75rem; }
.legend { background: #fff; padding: .25rem .5rem; border-radius: 4px; box-shadow: 0 0 4px rgba(0,0,0,.3); }
.swatch { display: inline-block; width: .9rem; height: .9rem; margin-right: .35rem; vertical-align: middle; }
.swatch.point { background: #c1121f; border-radius: 50%; }
.swatch.shape { background: #2a9d8f; border: 2px solid #0b6e4f; }
.swatch.nodata { background: #ffffff; border: 1px dashed #50575e; }
.legend ul { list-style: none; margin: .25rem 0 0; padding: 0; }
.legend li { margin: 0; }
.map .leaflet-tooltip { white-space: pre-line; }
table.popup th, table.popup td { padding: .1rem .4rem; font-size: .85rem; }
progress { width: 100%; height: 1.2rem; }
.chart { max-width: 48rem; }
.chart.doughnut { max-width: 20rem; }
@media (max-width: 40rem) { .map { height: 20rem; } dl.facts { grid-template-columns: 1fr; } header.site nav ul { gap: .6rem; } }
"""#
}

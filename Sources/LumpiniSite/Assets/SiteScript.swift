/// `site.js`: the portal's one script of its own. It adds to pages that already say everything in HTML:
/// the language switch, the search on the home page, the map on a dataset page and the charts.
/// Values from data are only ever put into the page as text (`textContent`), never as HTML.
enum SiteScript {
    static let fileName = "site.js"

    static let source = #"""
"use strict";
(function () {
  var root = document.documentElement;
  root.classList.add("js");

  // Language: Thai, English or both (the default, and what a page shows without JavaScript).
  function showLanguage(choice) {
    root.setAttribute("data-show", choice);
    document.querySelectorAll("[data-lang-choice]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-lang-choice") === choice));
    });
    try { localStorage.setItem("lumpini-language", choice); } catch (e) { /* storage may be off */ }
  }
  document.querySelectorAll("[data-lang-choice]").forEach(function (button) {
    button.addEventListener("click", function () { showLanguage(button.getAttribute("data-lang-choice")); });
  });
  var saved = null;
  try { saved = localStorage.getItem("lumpini-language"); } catch (e) { saved = null; }
  showLanguage(saved === "th" || saved === "en" ? saved : "both");

  function element(tag, text, attributes) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    return node;
  }

  // Search: the CLI's rules (every word in the title, keywords or description; Latin folded, Thai as
  // written and matched as a substring; title 100, keywords 10, description 1; ties to the newest).
  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().normalize("NFC")
      .replace(/\s+/g, " ").trim();
  }
  function terms(query) {
    var out = [];
    String(query).split("\"").forEach(function (part, index) {
      var folded = fold(part);
      if (!folded) return;
      if (index % 2 === 1) out.push(folded); else out = out.concat(folded.split(" "));
    });
    return out.filter(function (term, index) { return out.indexOf(term) === index; });
  }
  // The index is split (`_site/search/`): a word of three letters or more reads the shards of its
  // trigrams, whose datasets are the candidates; only their entries are read and matched exactly.
  var search = document.getElementById("search");
  if (search) {
    var results = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    var base = search.getAttribute("data-base") || "";
    var folder = search.getAttribute("data-index");
    var perShard = Number(search.getAttribute("data-docs-per-shard"));
    var docShards = Number(search.getAttribute("data-doc-shards"));
    var gramShards = Number(search.getAttribute("data-gram-shards"));
    var loaded = {};
    var load = function (name) {
      if (!loaded[name]) {
        loaded[name] = fetch(folder + name).then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        });
      }
      return loaded[name];
    };
    var trigrams = function (word) {
      var letters = Array.from(word), out = [];
      for (var i = 0; i + 3 <= letters.length; i++) out.push(letters.slice(i, i + 3).join(""));
      return out;
    };
    var gramShard = function (gram) {
      var hash = 2166136261;
      Array.from(gram).forEach(function (letter) { hash = Math.imul(hash ^ letter.codePointAt(0), 16777619) >>> 0; });
      return hash % gramShards;
    };
    var postings = function (gram) {
      return load("grams-" + gramShard(gram) + ".json").then(function (shard) {
        var list = shard[gram] || [], out = [], at = 0;
        for (var i = 0; i < list.length; i++) { at += list[i]; out.push(at); }
        return out;
      });
    };
    // The numbers of the datasets that may match (null: every dataset, for a query of short words).
    var candidates = function (words) {
      var grams = [];
      words.forEach(function (word) { trigrams(word).forEach(function (gram) { if (grams.indexOf(gram) < 0) grams.push(gram); }); });
      if (!grams.length) return Promise.resolve(null);
      return Promise.all(grams.map(postings)).then(function (lists) {
        lists.sort(function (a, b) { return a.length - b.length; });
        return lists.slice(1).reduce(function (kept, list) {
          var set = new Set(list);
          return kept.filter(function (number) { return set.has(number); });
        }, lists[0]);
      });
    };
    var entriesOf = function (numbers) {
      var shards = [];
      if (numbers === null) for (var s = 0; s < docShards; s++) shards.push(s);
      else numbers.forEach(function (number) { var s = Math.floor(number / perShard); if (shards.indexOf(s) < 0) shards.push(s); });
      return Promise.all(shards.map(function (s) { return load("docs-" + s + ".json"); })).then(function (lists) {
        var byShard = {};
        shards.forEach(function (s, i) { byShard[s] = lists[i]; });
        if (numbers === null) return [].concat.apply([], lists);
        return numbers.map(function (number) { return byShard[Math.floor(number / perShard)][number % perShard]; });
      });
    };
    var show = function (words, entries) {
      var found = entries.map(function (entry) {
        var score = 0;
        for (var i = 0; i < words.length; i++) {
          var word = words[i], hit = 0;
          if (entry.ft.indexOf(word) >= 0) hit += 100;
          if (entry.fk.indexOf(word) >= 0) hit += 10;
          if (entry.fd.indexOf(word) >= 0) hit += 1;
          if (!hit) return null;
          score += hit;
        }
        return { entry: entry, score: score };
      }).filter(Boolean).sort(function (a, b) {
        return b.score - a.score || (a.entry.updated < b.entry.updated ? 1 : a.entry.updated > b.entry.updated ? -1 : 0);
      });
      results.textContent = "";
      found.forEach(function (hit) {
        var item = element("li");
        var link = element("a", null, { href: base + encodeURIComponent(hit.entry.id) + "/index.html" });
        if (hit.entry.title.th) link.appendChild(element("span", hit.entry.title.th, { lang: "th", "class": "th" }));
        if (hit.entry.title.en) link.appendChild(element("span", hit.entry.title.en, { lang: "en", "class": "en" }));
        item.appendChild(link);
        item.appendChild(element("p", hit.entry.publisher + " · " + hit.entry.theme + " · " + hit.entry.formats.join(", "), { "class": "meta" }));
        results.appendChild(item);
      });
      results.setAttribute("data-count", String(found.length));
      status.textContent = "พบ " + found.length + " ชุดข้อมูล · " + found.length + " datasets found";
    };
    var latest = 0;
    var run = function () {
      var words = terms(search.value), asked = ++latest;
      if (!words.length) { results.textContent = ""; status.textContent = ""; results.setAttribute("data-count", "0"); return; }
      status.textContent = "กำลังค้นหา… · Searching…";
      candidates(words).then(entriesOf).then(function (entries) {
        if (asked === latest) show(words, entries);
      }).catch(function () {
        if (asked === latest) status.textContent = "ค้นหาไม่ได้ในขณะนี้ · Search is unavailable: browse by theme or agency below";
      });
    };
    search.addEventListener("input", run);
    if (search.form) search.form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    var query = new URLSearchParams(location.search).get("q");
    if (query) { search.value = query; run(); }
  }

  // Map: the preview layer of a dataset, drawn on tiles when they load and on a plain background when
  // not, with the city's district outlines under it; an indicator's districts are coloured by class.
  var mapElement = document.getElementById("map");
  if (mapElement && window.L) {
    var map = L.map(mapElement, { preferCanvas: true, keyboard: true });
    map.createPane("outlines").style.zIndex = 350;
    var outlinesAsked = false;
    var drawOutlines = function () {
      if (outlinesAsked) return;
      outlinesAsked = true;
      fetch(mapElement.getAttribute("data-outlines")).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      }).then(function (collection) {
        var outlines = L.geoJSON(collection, { pane: "outlines", interactive: false, style: { color: "#7b8794", weight: 1, fill: false } });
        outlines.addTo(map);
        mapElement.setAttribute("data-outlines-drawn", String(collection.features.length));
      }).catch(function () { mapElement.setAttribute("data-outlines-drawn", "0"); });
    };
    var tiles = mapElement.getAttribute("data-tiles");
    if (tiles) {
      var attribution = element("a", mapElement.getAttribute("data-attribution"), { href: mapElement.getAttribute("data-attribution-url") || "#" });
      L.tileLayer(tiles, { maxZoom: 19, attribution: attribution.outerHTML }).on("tileerror", drawOutlines).addTo(map);
    } else {
      drawOutlines();
    }
    var extent = (mapElement.getAttribute("data-extent") || "").split(",").map(Number);
    if (extent.length === 4 && extent.every(isFinite)) map.fitBounds([[extent[1], extent[0]], [extent[3], extent[2]]]);
    else map.setView([13.75, 100.5], 10);
    var popup = function (feature) {
      var table = element("table", null, { "class": "popup" });
      Object.keys(feature.properties || {}).forEach(function (key) {
        var row = element("tr");
        row.appendChild(element("th", key, { scope: "row" }));
        var value = feature.properties[key];
        row.appendChild(element("td", value === null ? "—" : value));
        table.appendChild(row);
      });
      return table;
    };
    var classesBlock = document.getElementById(mapElement.getAttribute("data-choropleth") || "");
    var classes = classesBlock ? JSON.parse(classesBlock.textContent) : null;
    var number = function (value) { return value === null || value === undefined || value === "" ? NaN : Number(value); };
    var colorOf = function (value) {
      if (!isFinite(value)) return null;
      for (var i = 0; i < classes.breaks.length; i++) if (value <= classes.breaks[i]) return classes.colors[i];
      return classes.colors[classes.colors.length - 1];
    };
    var style = function (feature) {
      if (feature.geometry && feature.geometry.type === "Point") return {};
      if (!classes) return { color: "#0b6e4f", weight: 2, fillColor: "#2a9d8f", fillOpacity: 0.35 };
      var color = colorOf(number(feature.properties && feature.properties.value));
      return color ? { color: "#1d2327", weight: 1, fillColor: color, fillOpacity: 0.85 }
        : { color: "#50575e", weight: 1, dashArray: "4 3", fillColor: "#ffffff", fillOpacity: 0.6 };
    };
    var tooltip = function (feature) {
      var p = feature.properties || {};
      var name = [p.district_th, p.district_en].filter(function (part) { return part; }).join(" · ");
      var value = number(p.value);
      var lines = [name || String(p.district_code || ""),
        isFinite(value) ? p.value + " " + (p.unit || classes.unit) : classes.noData + (p.note ? ": " + p.note : "")];
      if (p.n !== null && p.n !== undefined && p.n !== "") lines.push("n = " + p.n);
      return element("div", lines.join("\n"));
    };
    var legendOf = function (drawn, points) {
      var box = element("div", null, { "class": "legend" });
      if (!classes) {
        box.appendChild(element("span", null, { "class": points ? "swatch point" : "swatch shape", "aria-hidden": "true" }));
        box.appendChild(element("span", drawn + " " + (mapElement.getAttribute("data-legend") || "")));
        return box;
      }
      box.appendChild(element("strong", classes.unit));
      var list = element("ul");
      var lower = classes.minimum;
      classes.breaks.forEach(function (upper, i) {
        var item = element("li");
        var swatch = element("span", null, { "class": "swatch", "aria-hidden": "true" });
        swatch.style.background = classes.colors[i];
        item.appendChild(swatch);
        item.appendChild(element("span", lower + " – " + upper));
        list.appendChild(item);
        lower = upper;
      });
      var none = element("li");
      none.appendChild(element("span", null, { "class": "swatch nodata", "aria-hidden": "true" }));
      none.appendChild(element("span", classes.noData));
      list.appendChild(none);
      box.appendChild(list);
      return box;
    };
    fetch(mapElement.getAttribute("data-preview")).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    }).then(function (collection) {
      var drawn = 0;
      var layer = L.geoJSON(collection, {
        style: style,
        pointToLayer: function (feature, latlng) { return L.circleMarker(latlng, { radius: 6, color: "#ffffff", weight: 1, fillColor: "#c1121f", fillOpacity: 0.9 }); },
        onEachFeature: function (feature, shown) {
          drawn += 1;
          shown.bindPopup(popup(feature));
          if (classes) shown.bindTooltip(tooltip(feature), { sticky: true });
        }
      });
      var points = collection.features.every(function (f) { return f.geometry && f.geometry.type === "Point"; });
      if (points && drawn > 100 && L.markerClusterGroup) {
        var clusters = L.markerClusterGroup({ chunkedLoading: true });
        clusters.addLayer(layer);
        clusters.addTo(map);
      } else {
        layer.addTo(map);
      }
      if (drawn && layer.getBounds().isValid()) map.fitBounds(layer.getBounds(), { maxZoom: 16 });
      var legend = L.control({ position: "bottomright" });
      legend.onAdd = function () { return legendOf(drawn, points); };
      legend.addTo(map);
      mapElement.setAttribute("aria-label", "แผนที่แสดงข้อมูล " + drawn + " รายการ · Map showing " + drawn + " features");
      mapElement.setAttribute("data-drawn", String(drawn));
      var status = document.getElementById("map-status");
      if (status) status.textContent = "แผนที่แสดง " + drawn + " รายการ คลิกที่รายการเพื่อดูค่า · " + drawn + " features shown: select one to see its values";
    }).catch(function () {
      mapElement.setAttribute("data-error", "preview");
      var note = document.getElementById("map-status");
      if (note) note.textContent = "โหลดแผนที่ไม่ได้ · The map could not be loaded: download the data below";
    });
  }

  // Charts: each canvas names the JSON data block it draws; the same numbers are in a table beside it.
  if (window.Chart) {
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      var block = document.getElementById(canvas.getAttribute("data-chart"));
      if (!block) return;
      var spec = JSON.parse(block.textContent);
      new Chart(canvas, {
        type: spec.type || "bar",
        data: { labels: spec.labels, datasets: [{ label: spec.label, data: spec.values, backgroundColor: spec.colors || "#0b6e4f" }] },
        options: { animation: false, indexAxis: spec.type === "doughnut" ? undefined : "y", plugins: { legend: { display: spec.type === "doughnut" } } }
      });
      canvas.setAttribute("data-drawn", String(spec.values.length));
    });
  }
})();
"""#
}

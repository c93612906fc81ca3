/// Thai first, English alongside: each language in its own element with its `lang`, so screen readers
/// pronounce it right and the language switch can show one or both.
enum Bilingual {
    /// `<span lang="th">…</span><span lang="en">…</span>`, escaped; one language alone when the other is
    /// missing or the same.
    static func text(_ th: String?, _ en: String?, tag: String = "span", extraClass: String = "") -> String {
        let thai = (th ?? "").isEmpty ? nil : th
        let english = (en ?? "").isEmpty || en == thai ? nil : en
        var out = ""
        if let thai { out += "<\(tag) lang=\"th\" class=\"th\(extraClass.isEmpty ? "" : " " + extraClass)\">\(HTML.text(thai))</\(tag)>" }
        if let english { out += "<\(tag) lang=\"en\" class=\"en\(extraClass.isEmpty ? "" : " " + extraClass)\">\(HTML.text(english))</\(tag)>" }
        return out
    }

    static func text(_ value: LocalizedText, tag: String = "span", extraClass: String = "") -> String {
        text(value.th, value.en, tag: tag, extraClass: extraClass)
    }

    /// Plain text for a `<title>` or an attribute: "Thai · English".
    static func plain(_ value: LocalizedText) -> String {
        [value.th, value.en].compactMap { ($0 ?? "").isEmpty ? nil : $0 }.joined(separator: " · ")
    }
}

import FrontlineEngine

/// The date facet as an inline SVG histogram: a bar per bucket (its count on hover), each
/// a link filtering to that bucket. Buckets are days, months or years, chosen by the span
/// of the dates unless the URL asks for one (`date_bucket`).
struct DateHistogram {
    /// Day buckets (`YYYY-MM-DD`), or the buckets the request asked for.
    let counts: [FacetCount]
    let parameters: QueryParameters

    /// What the `histogram` template shows.
    struct View {
        /// One bar: a link filtering to its bucket, its count on hover.
        struct Bar {
            let href: String
            let x, y, width, barHeight: Int
            let value: String
            let count: Int
        }

        let viewWidth: Int
        let height: Int
        let bars: [Bar]
        let first: String
        let last: String
        let span: Bool
    }

    static let template = """
        <section class="facet-group histogram"><h3>date</h3>
        <svg viewBox="0 0 {{viewWidth}} {{height}}" width="100%" height="{{height}}" role="img" aria-label="Passages by date, {{first}} to {{last}}" preserveAspectRatio="none">{{#bars}}<a href="{{href}}" class="bar"><rect x="{{x}}" y="{{y}}" width="{{width}}" height="{{barHeight}}"><title>{{value}}: {{count}}</title></rect></a>{{/bars}}</svg>
        <p class="range">{{first}}{{#span}} … {{last}}{{/span}}</p>
        </section>
        """

    /// The histogram's bars, or nil if there are no dates.
    func view() -> View? {
        let buckets = grouped()
        guard let first = buckets.first?.value, let last = buckets.last?.value else { return nil }
        let width = 260, height = 64
        let top = buckets.map(\.count).max() ?? 1
        let barWidth = max(2, width / buckets.count)
        let bars = buckets.enumerated().map { index, bucket -> View.Bar in
            let barHeight = max(2, bucket.count * (height - 4) / max(1, top))
            let href = HTML.href("/", parameters.setting("from", to: [bucket.value]).setting("to", to: [bucket.value]).setting("offset", to: []))
            return View.Bar(href: href, x: index * barWidth, y: height - barHeight, width: max(1, barWidth - 1), barHeight: barHeight,
                            value: bucket.value, count: bucket.count)
        }
        return View(viewWidth: barWidth * buckets.count, height: height, bars: bars, first: first, last: last, span: first != last)
    }

    /// The buckets to draw: as asked, else years over a span of more than three years,
    /// days within two months, months otherwise.
    func grouped() -> [FacetCount] {
        guard parameters.value("date_bucket") == nil, let first = counts.first?.value, let last = counts.last?.value, first.count == 10 else { return counts }
        let years = (Int(last.prefix(4)) ?? 0) - (Int(first.prefix(4)) ?? 0)
        let months = years * 12 + (Int(last.dropFirst(5).prefix(2)) ?? 0) - (Int(first.dropFirst(5).prefix(2)) ?? 0)
        let length = years > 3 ? 4 : (months >= 2 ? 7 : 10)
        var merged: [(String, Int)] = []
        for count in counts {
            let key = String(count.value.prefix(length))
            if merged.last?.0 == key { merged[merged.count - 1].1 += count.count } else { merged.append((key, count.count)) }
        }
        return merged.map { FacetCount(value: $0.0, label: $0.0, count: $0.1) }
    }
}

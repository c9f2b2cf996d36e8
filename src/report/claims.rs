//! `crosscheck claims`: what the tool understood — every claim with its span and, for people, the
//! entity the name resolved to.

use serde::Serialize;

use crate::Outcome;
use crate::text::LineIndex;

/// One line per claim: `path:line:col  kind  text  → reading`.
pub fn render_claims(out: &Outcome) -> String {
    let lex = &out.lexicon;
    let mut s = String::new();
    for (d, (doc, c)) in out.documents.iter().zip(&out.claims).enumerate() {
        let idx = LineIndex::new(&doc.text);
        // The date resolution uses: metadata, a dateline or publication line, or the text's.
        let date = c.date(doc.meta.date).map_or("undated".into(), |(dt, src)| {
            format!("{dt} ({})", src.describe())
        });
        s.push_str(&format!("{}  [{date}]\n", doc.path));
        let mut line = |start: usize, end: usize, kind: &str, reading: String| {
            let (l, col) = idx.line_col(&doc.text, start);
            let text = doc.text[start..end].replace('\n', " ");
            let text: String = text.chars().take(90).collect();
            s.push_str(&format!("  {l}:{col}  {kind:<9} {text:?}  → {reading}\n"));
        };
        let who = |m: usize| {
            out.entities[d][m]
                .clone()
                .unwrap_or_else(|| format!("{} (unresolved)", c.persons[m].text()))
        };
        for (m, p) in c.persons.iter().enumerate() {
            line(p.start, p.end, "person", who(m));
        }
        for o in &c.offices {
            let mut r = lex.pack.office[o.office as usize].label.clone();
            for p in &o.portfolios {
                r.push_str(&format!(" / {}", lex.pack.portfolio[*p as usize].label));
            }
            if let Some(ct) = o.country {
                r.push_str(&format!(" ({})", lex.country_name(ct)));
            }
            if let Some(org) = &o.org {
                r.push_str(&format!(
                    " of {}",
                    crate::extract::OfficeClaim::org_label(org)
                ));
            }
            if o.past {
                r.push_str(" [past]");
            }
            line(o.start, o.end, "office", format!("{}: {r}", who(o.holder)));
        }
        for r in &c.ranks {
            line(
                r.start,
                r.end,
                "rank",
                format!(
                    "{}: step {}",
                    who(r.holder),
                    lex.pack.rank[r.rank as usize].step
                ),
            );
        }
        for r in &c.relations {
            line(
                r.start,
                r.end,
                "relation",
                format!("{} {} {}", who(r.subject), r.kind.describe(), who(r.object)),
            );
        }
        for r in &c.office_relations {
            line(
                r.start,
                r.end,
                "relation",
                format!(
                    "{} {} the holder of {} ({})",
                    who(r.subject),
                    r.kind.describe(),
                    lex.pack.office[r.office as usize].label,
                    lex.pack.country[r.country as usize].name
                ),
            );
        }
        for r in &c.deposed {
            line(r.start, r.end, "deposed", who(r.person));
        }
        for n in &c.named {
            line(
                n.start,
                n.end,
                "named",
                format!("{:?} key `{}`", n.class, n.key),
            );
        }
        for a in &c.acronyms {
            let n = &c.named[a.long];
            line(
                a.start,
                a.tag_end,
                "acronym",
                format!(
                    "{} = {}{}",
                    a.acronym,
                    &doc.text[n.start..n.end],
                    a.language
                        .as_ref()
                        .map_or(String::new(), |l| format!(" ({l})"))
                ),
            );
        }
        for q in &c.quotes {
            let by = q
                .speaker
                .map(who)
                .or(q.source_text().map(str::to_string))
                .unwrap_or_else(|| "no speaker".into());
            line(q.start, q.end, "quote", by);
        }
        for e in &c.event_dates {
            let d = &c.dates[e.date];
            let when = d.partial().map_or_else(
                || "date completed from the document".into(),
                |p| p.to_string(),
            );
            line(
                e.start,
                e.end,
                "event",
                format!("{} on {when}", lex.pack.event[e.event as usize].id),
            );
        }
        for n in &c.counts {
            let high = n.high.map_or("∞".to_string(), |h| h.to_string());
            line(
                n.start,
                n.end,
                "count",
                match &n.org {
                    Some(o) => format!("{} ({}): {}..={high}", n.what, o.to_uppercase(), n.low),
                    None => format!("{}: {}..={high}", n.what, n.low),
                },
            );
        }
        for x in &c.dates {
            line(
                x.start,
                x.end,
                "date",
                x.partial().map_or("no year".into(), |p| p.to_string()),
            );
        }
    }
    s
}

#[derive(Serialize)]
struct JsonDoc<'a> {
    path: &'a str,
    date: Option<String>,
    date_source: Option<&'a str>,
    entities: &'a [Option<String>],
    claims: JsonClaims<'a>,
}

/// A document's claims, with each quotation's words read again from the text.
#[derive(Serialize)]
struct JsonClaims<'a> {
    #[serde(flatten)]
    claims: &'a crate::extract::DocClaims,
    quotes: Vec<JsonQuote<'a>>,
}

#[derive(Serialize)]
struct JsonQuote<'a> {
    start: usize,
    end: usize,
    words: crate::extract::Words,
    speaker: Option<usize>,
    source_text: Option<&'a str>,
    article: Option<&'a str>,
}

/// The claims as JSON, one object per document.
pub fn render_claims_json(out: &Outcome) -> String {
    let docs: Vec<JsonDoc> = out
        .documents
        .iter()
        .zip(&out.claims)
        .zip(&out.entities)
        .map(|((doc, c), e)| JsonDoc {
            path: &doc.path,
            date: c.date(doc.meta.date).map(|d| d.0.to_string()),
            date_source: Some(c.date(doc.meta.date).map_or("none", |d| match d.1 {
                crate::corpus::DateSource::Inferred => "inferred",
                s => s.describe(),
            })),
            entities: e,
            claims: JsonClaims {
                claims: c,
                quotes: c
                    .quotes
                    .iter()
                    .map(|q| JsonQuote {
                        start: q.start,
                        end: q.end,
                        words: q.words(doc),
                        speaker: q.speaker,
                        source_text: q.source_text(),
                        article: q.article(),
                    })
                    .collect(),
            },
        })
        .collect();
    let mut s = crate::extract::without_internal_fields(|| serde_json::to_string_pretty(&docs))
        .unwrap_or_default();
    s.push('\n');
    s
}

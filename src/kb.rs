//! The knowledge base: TOML files of people (offices and ranks with dates, accepted and wrong
//! spellings), relations between them, named documents and organisations (names over time and
//! acronyms per language). Values keep their byte spans so that findings can point into the file.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::extract::{NamedMention, named_in_text};
use crate::lexicon::{Lexicon, RelationType};
use crate::time::{Interval, PartialDate};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKb {
    #[serde(default)]
    person: Vec<RawPerson>,
    #[serde(default)]
    relation: Vec<RawRelation>,
    #[serde(default)]
    document: Vec<RawDocument>,
    #[serde(default)]
    organisation: Vec<RawOrganisation>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPerson {
    id: String,
    name: Spanned<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    wrong: Vec<String>,
    #[serde(default)]
    office: Vec<Spanned<RawOffice>>,
    #[serde(default)]
    rank: Vec<Spanned<RawRank>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOffice {
    office: String,
    #[serde(default)]
    portfolios: Vec<String>,
    #[serde(default)]
    country: Option<String>,
    title: Spanned<String>,
    #[serde(default)]
    start: Option<toml::value::Datetime>,
    #[serde(default)]
    end: Option<toml::value::Datetime>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRank {
    rank: String,
    #[serde(default)]
    start: Option<toml::Value>,
    #[serde(default)]
    end: Option<toml::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRelation {
    subject: String,
    #[serde(rename = "type")]
    kind: RelationType,
    object: String,
    #[serde(default)]
    date: Option<toml::value::Datetime>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocument {
    id: String,
    name: Spanned<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    signed: Option<toml::value::Datetime>,
    #[serde(default)]
    place: Option<String>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOrganisation {
    id: String,
    names: Vec<Spanned<RawOrgName>>,
    #[serde(default)]
    acronyms: BTreeMap<String, Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOrgName {
    name: String,
    #[serde(default)]
    start: Option<toml::value::Datetime>,
    #[serde(default)]
    end: Option<toml::value::Datetime>,
}

/// A place in a knowledge-base file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KbSpan {
    pub file: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone)]
pub struct KbOffice {
    pub office: u16,
    pub portfolios: Vec<u16>,
    pub country: Option<u16>,
    pub title: String,
    pub start: Option<PartialDate>,
    pub end: Option<PartialDate>,
    pub span: KbSpan,
}

impl KbOffice {
    pub fn interval(&self) -> Interval {
        Interval::new(self.start, self.end)
    }

    pub fn when(&self) -> String {
        match (self.start, self.end) {
            (Some(s), Some(e)) => format!("from {s} to {e}"),
            (Some(s), None) => format!("since {s}"),
            (None, Some(e)) => format!("until {e}"),
            (None, None) => String::new(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct KbRank {
    pub rank: u16,
    pub label: String,
    pub interval: Interval,
    pub start: Option<PartialDate>,
    pub span: KbSpan,
}

#[derive(Debug, Clone)]
pub struct KbPerson {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub wrong: Vec<String>,
    pub offices: Vec<KbOffice>,
    pub ranks: Vec<KbRank>,
    pub span: KbSpan,
}

#[derive(Debug, Clone)]
pub struct KbRelation {
    pub subject: usize,
    pub object: usize,
    pub kind: RelationType,
    pub date: Option<PartialDate>,
    pub note: Option<String>,
    pub span: KbSpan,
}

#[derive(Debug, Clone)]
pub struct KbDocument {
    pub id: String,
    pub name: String,
    pub named: NamedMention,
    pub aliases: Vec<NamedMention>,
    pub span: KbSpan,
    pub signed: Option<PartialDate>,
    pub place: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone)]
pub struct KbOrgName {
    pub name: String,
    pub named: Option<NamedMention>,
    pub start: Option<PartialDate>,
    pub end: Option<PartialDate>,
    pub span: KbSpan,
}

#[derive(Debug, Clone)]
pub struct KbOrganisation {
    pub id: String,
    pub names: Vec<KbOrgName>,
    /// Language code → (acronym, span).
    pub acronyms: BTreeMap<String, (String, KbSpan)>,
}

/// A knowledge-base file as loaded.
#[derive(Debug, Clone)]
pub struct KbFile {
    pub path: String,
    pub text: String,
}

/// Every knowledge base loaded for a run.
#[derive(Debug, Clone, Default)]
pub struct Kb {
    pub files: Vec<KbFile>,
    pub persons: Vec<KbPerson>,
    pub relations: Vec<KbRelation>,
    pub documents: Vec<KbDocument>,
    pub organisations: Vec<KbOrganisation>,
}

/// A knowledge-base error, with the place in the file when there is one.
#[derive(Debug, Clone)]
pub struct KbError {
    pub path: String,
    pub text: String,
    pub message: String,
    pub span: Option<(usize, usize)>,
}

fn date(d: &toml::value::Datetime) -> Option<PartialDate> {
    d.date
        .map(|d| PartialDate::ymd(i32::from(d.year), d.month, d.day))
}

fn loose_date(v: &toml::Value) -> Option<PartialDate> {
    match v {
        toml::Value::Datetime(d) => date(d),
        toml::Value::Integer(y) => PartialDate::parse(&y.to_string()),
        toml::Value::String(s) => PartialDate::parse(s),
        _ => None,
    }
}

impl Kb {
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Parses one knowledge-base file and adds it; ids are checked against the language pack.
    pub fn add_file(&mut self, path: &str, text: String, lex: &Lexicon) -> Result<(), KbError> {
        let file = self.files.len();
        let err = |message: String, span: Option<std::ops::Range<usize>>| KbError {
            path: path.to_string(),
            text: text.clone(),
            message,
            span: span.map(|r| crate::text::char_span(&text, r.start, r.end)),
        };
        let raw: RawKb =
            toml::from_str(&text).map_err(|e| err(e.message().to_string(), e.span()))?;
        let kspan = |r: std::ops::Range<usize>| KbSpan {
            file,
            start: r.start,
            end: r.end,
        };
        let pack = &lex.pack;
        let country =
            |name: &Option<String>, span: std::ops::Range<usize>| -> Result<Option<u16>, KbError> {
                match name {
                    None => Ok(None),
                    Some(n) => pack
                        .country
                        .iter()
                        .position(|c| crate::text::fold(&c.name) == crate::text::fold(n))
                        .map(|i| Some(i as u16))
                        .ok_or_else(|| {
                            err(
                                format!("unknown country `{n}`: not in the language pack"),
                                Some(span),
                            )
                        }),
                }
            };
        let mut ids: BTreeMap<String, usize> = self
            .persons
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
        for p in raw.person {
            let mut offices = Vec::new();
            for o in &p.office {
                let r = o.span();
                let o = o.get_ref();
                let office = pack
                    .office
                    .iter()
                    .position(|x| x.id == o.office)
                    .ok_or_else(|| {
                        err(format!("unknown office id `{}`", o.office), Some(r.clone()))
                    })?;
                let mut portfolios = Vec::new();
                for pf in &o.portfolios {
                    let i = pack
                        .portfolio
                        .iter()
                        .position(|x| x.id == *pf)
                        .ok_or_else(|| {
                            err(format!("unknown portfolio id `{pf}`"), Some(r.clone()))
                        })?;
                    portfolios.push(i as u16);
                }
                let kb_office = KbOffice {
                    office: office as u16,
                    portfolios,
                    country: country(&o.country, r.clone())?,
                    title: o.title.get_ref().clone(),
                    start: o.start.as_ref().and_then(date),
                    end: o.end.as_ref().and_then(date),
                    span: kspan(o.title.span()),
                };
                if !kb_office.interval().is_valid() {
                    return Err(err("this office ends before it starts".into(), Some(r)));
                }
                offices.push(kb_office);
            }
            let mut ranks = Vec::new();
            for rk in &p.rank {
                let r = rk.span();
                let rk = rk.get_ref();
                let folded = crate::text::fold(&rk.rank);
                let idx = pack
                    .rank
                    .iter()
                    .position(|x| x.forms.iter().any(|f| crate::text::fold(f) == folded))
                    .ok_or_else(|| err(format!("unknown rank `{}`", rk.rank), Some(r.clone())))?;
                let start = rk.start.as_ref().and_then(loose_date);
                let interval = Interval::new(start, rk.end.as_ref().and_then(loose_date));
                if !interval.is_valid() {
                    return Err(err("this rank ends before it starts".into(), Some(r)));
                }
                ranks.push(KbRank {
                    rank: idx as u16,
                    label: rk.rank.clone(),
                    interval,
                    start,
                    span: kspan(r),
                });
            }
            if ids.contains_key(&p.id) {
                return Err(err(
                    format!("person id `{}` is defined twice", p.id),
                    Some(p.name.span()),
                ));
            }
            for a in &p.aliases {
                if p.wrong
                    .iter()
                    .any(|w| crate::text::lower(w) == crate::text::lower(a))
                {
                    return Err(err(
                        format!("`{a}` is both an alias and a wrong form"),
                        Some(p.name.span()),
                    ));
                }
            }
            ids.insert(p.id.clone(), self.persons.len());
            self.persons.push(KbPerson {
                id: p.id,
                span: kspan(p.name.span()),
                name: p.name.into_inner(),
                aliases: p.aliases,
                wrong: p.wrong,
                offices,
                ranks,
            });
        }
        for r in raw.relation {
            let find = |id: &str| {
                ids.get(id)
                    .copied()
                    .ok_or_else(|| err(format!("relation names unknown person id `{id}`"), None))
            };
            let span = text
                .find(&format!("subject = \"{}\"", r.subject))
                .map_or(0..0, |s| s..s + r.subject.len() + 12);
            self.relations.push(KbRelation {
                subject: find(&r.subject)?,
                object: find(&r.object)?,
                kind: r.kind,
                date: r.date.as_ref().and_then(date),
                note: r.note,
                span: kspan(span),
            });
        }
        for d in raw.document {
            let named = named_in_text(d.name.get_ref(), lex).ok_or_else(|| {
                err(
                    format!("`{}` is not read as a named document", d.name.get_ref()),
                    Some(d.name.span()),
                )
            })?;
            let aliases = d
                .aliases
                .iter()
                .filter_map(|a| named_in_text(a, lex))
                .collect();
            self.documents.push(KbDocument {
                id: d.id,
                span: kspan(d.name.span()),
                name: d.name.into_inner(),
                named,
                aliases,
                signed: d.signed.as_ref().and_then(date),
                place: d.place,
                note: d.note,
            });
        }
        for o in raw.organisation {
            let names = o
                .names
                .iter()
                .map(|n| {
                    let r = n.span();
                    let n = n.get_ref();
                    KbOrgName {
                        name: n.name.clone(),
                        named: named_in_text(&n.name, lex),
                        start: n.start.as_ref().and_then(date),
                        end: n.end.as_ref().and_then(date),
                        span: kspan(r),
                    }
                })
                .collect();
            let acronyms = o
                .acronyms
                .iter()
                .map(|(lang, a)| (lang.clone(), (a.get_ref().clone(), kspan(a.span()))))
                .collect();
            self.organisations.push(KbOrganisation {
                id: o.id,
                names,
                acronyms,
            });
        }
        self.files.push(KbFile {
            path: path.to_string(),
            text,
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_knowledge_base_loads() {
        let lex = Lexicon::default_fr();
        let mut kb = Kb::default();
        let text = include_str!("../rules/kb/sahel.toml").to_string();
        kb.add_file("rules/kb/sahel.toml", text, &lex).unwrap();
        assert!(kb.persons.iter().any(|p| p.name == "Abdoulaye Diop"));
        assert_eq!(kb.documents[0].named.key, "liptako-gourma");
    }

    #[test]
    fn an_office_ending_before_it_starts_is_an_error_with_a_span() {
        let lex = Lexicon::default_fr();
        let text = "[[person]]\nid = \"x\"\nname = \"Awa Ba\"\noffice = [{ office = \"minister\", title = \"t\", start = 2020-01-01, end = 2019-01-01 }]\n";
        let e = Kb::default()
            .add_file("kb.toml", text.into(), &lex)
            .unwrap_err();
        assert!(e.message.contains("ends before it starts"));
        let (s, _) = e.span.unwrap();
        assert!(text[s..].starts_with('{'));
    }

    #[test]
    fn unknown_ids_are_errors() {
        let lex = Lexicon::default_fr();
        let text = "[[person]]\nid = \"x\"\nname = \"Awa Ba\"\noffice = [{ office = \"wizard\", title = \"t\" }]\n";
        let e = Kb::default()
            .add_file("kb.toml", text.into(), &lex)
            .unwrap_err();
        assert!(e.message.contains("unknown office id"));
    }
}

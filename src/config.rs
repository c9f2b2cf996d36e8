//! `crosscheck.toml`: knowledge bases, rule selection and rule parameters. Discovered from the
//! working directory upward; unknown keys and bad values are errors that point into the file.

use std::path::{Path, PathBuf};

use std::collections::BTreeMap;

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::finding::Severity;

use crate::rules::Params;

pub const FILE_NAME: &str = "crosscheck.toml";

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    #[serde(default)]
    kb: Vec<String>,
    #[serde(default)]
    lexicon: Vec<String>,
    #[serde(default)]
    rules: RawRules,
    #[serde(default)]
    params: RawParams,
    #[serde(default)]
    files: RawFiles,
    #[serde(default)]
    overrides: Vec<RawOverride>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawRules {
    #[serde(default)]
    disable: Vec<toml::Spanned<String>>,
    #[serde(default)]
    levels: BTreeMap<toml::Spanned<String>, toml::Spanned<String>>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawFiles {
    #[serde(default)]
    include: Vec<toml::Spanned<String>>,
    #[serde(default)]
    exclude: Vec<toml::Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawOverride {
    paths: Vec<toml::Spanned<String>>,
    #[serde(default)]
    disable: Vec<toml::Spanned<String>>,
    #[serde(default)]
    levels: BTreeMap<toml::Spanned<String>, toml::Spanned<String>>,
}

/// Which files the walk keeps: glob patterns matched against the path as shown.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
    patterns: (Vec<String>, Vec<String>),
}

impl Scope {
    pub fn admits(&self, path: &str) -> bool {
        self.include.as_ref().is_none_or(|g| g.is_match(path))
            && self.exclude.as_ref().is_none_or(|g| !g.is_match(path))
    }
}

/// Rule settings for the findings whose primary evidence lies in some paths.
#[derive(Debug, Clone)]
pub struct Override {
    globs: GlobSet,
    patterns: Vec<String>,
    pub disabled: Vec<String>,
    pub levels: BTreeMap<String, Severity>,
}

impl Override {
    pub fn applies_to(&self, path: &str) -> bool {
        self.globs.is_match(path)
    }
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawParams {
    same_time_window_days: Option<toml::Spanned<i64>>,
    quote_similarity: Option<toml::Spanned<f64>>,
    quote_min_words: Option<toml::Spanned<i64>>,
}

/// The effective configuration.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Where it was read from, if anywhere.
    pub path: Option<PathBuf>,
    /// Knowledge-base files, resolved against the configuration's folder.
    pub kb: Vec<PathBuf>,
    /// User lexicons, resolved against the configuration's folder.
    pub lexicon: Vec<PathBuf>,
    pub disabled: Vec<String>,
    /// Severity per rule id, replacing what the rule reports.
    pub levels: BTreeMap<String, Severity>,
    pub params: Params,
    pub scope: Scope,
    pub overrides: Vec<Override>,
}

/// A configuration error with its place in the file.
#[derive(Debug, Clone)]
pub struct ConfigError {
    pub path: String,
    pub text: String,
    pub message: String,
    pub span: Option<(usize, usize)>,
}

/// The nearest `crosscheck.toml` from `start` upward.
pub fn discover(start: &Path) -> Option<PathBuf> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        let p = d.join(FILE_NAME);
        if p.is_file() {
            return Some(p);
        }
        dir = d.parent();
    }
    None
}

/// Reads and checks a configuration file.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let shown = path.to_string_lossy().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        path: shown.clone(),
        text: String::new(),
        message: format!("cannot read the configuration: {e}"),
        span: None,
    })?;
    parse(&shown, &text, path.parent().unwrap_or(Path::new(".")))
}

pub fn parse(shown: &str, text: &str, base: &Path) -> Result<Config, ConfigError> {
    let err = |message: String, span: Option<std::ops::Range<usize>>| ConfigError {
        path: shown.to_string(),
        text: text.to_string(),
        message,
        span: span.map(|r| crate::text::char_span(text, r.start, r.end)),
    };
    let raw: RawConfig =
        toml::from_str(text).map_err(|e| err(e.message().trim().to_string(), e.span()))?;
    let mut cfg = Config {
        path: Some(PathBuf::from(shown)),
        kb: raw.kb.iter().map(|k| base.join(k)).collect(),
        lexicon: raw.lexicon.iter().map(|k| base.join(k)).collect(),
        ..Config::default()
    };
    let rule_ids = |list: &[toml::Spanned<String>]| -> Result<Vec<String>, ConfigError> {
        list.iter()
            .map(|d| match crate::rules::find(d.get_ref()) {
                Some(_) => Ok(d.get_ref().clone()),
                None => Err(err(
                    format!("unknown rule `{}` (see `crosscheck rules`)", d.get_ref()),
                    Some(d.span()),
                )),
            })
            .collect()
    };
    let levels = |map: &BTreeMap<toml::Spanned<String>, toml::Spanned<String>>| {
        let mut out = BTreeMap::new();
        for (rule, level) in map {
            rule_ids(std::slice::from_ref(rule))?;
            let sev = Severity::parse(level.get_ref()).ok_or_else(|| {
                err(
                    format!(
                        "`{}` is not a level: use \"error\", \"warning\" or \"info\"",
                        level.get_ref()
                    ),
                    Some(level.span()),
                )
            })?;
            out.insert(rule.get_ref().clone(), sev);
        }
        Ok(out)
    };
    let globs = |list: &[toml::Spanned<String>]| -> Result<Option<GlobSet>, ConfigError> {
        if list.is_empty() {
            return Ok(None);
        }
        let mut b = GlobSetBuilder::new();
        for g in list {
            b.add(
                Glob::new(g.get_ref())
                    .map_err(|e| err(format!("bad glob: {e}"), Some(g.span())))?,
            );
        }
        b.build()
            .map(Some)
            .map_err(|e| err(format!("bad globs: {e}"), None))
    };
    let texts = |list: &[toml::Spanned<String>]| {
        list.iter().map(|g| g.get_ref().clone()).collect::<Vec<_>>()
    };
    cfg.disabled = rule_ids(&raw.rules.disable)?;
    cfg.levels = levels(&raw.rules.levels)?;
    cfg.scope = Scope {
        include: globs(&raw.files.include)?,
        exclude: globs(&raw.files.exclude)?,
        patterns: (texts(&raw.files.include), texts(&raw.files.exclude)),
    };
    for o in &raw.overrides {
        cfg.overrides.push(Override {
            globs: globs(&o.paths)?.unwrap_or_default(),
            patterns: texts(&o.paths),
            disabled: rule_ids(&o.disable)?,
            levels: levels(&o.levels)?,
        });
    }
    if let Some(v) = &raw.params.same_time_window_days {
        if *v.get_ref() < 0 {
            return Err(err(
                "`same-time-window-days` must be 0 or more".into(),
                Some(v.span()),
            ));
        }
        cfg.params.same_time_window_days = *v.get_ref();
    }
    if let Some(v) = &raw.params.quote_similarity {
        let x = *v.get_ref();
        if !(0.0..=1.0).contains(&x) || x == 0.0 {
            return Err(err(
                "`quote-similarity` must be in (0, 1]".into(),
                Some(v.span()),
            ));
        }
        cfg.params.quote_similarity = x;
    }
    if let Some(v) = &raw.params.quote_min_words {
        let x = *v.get_ref();
        if !(3..=1000).contains(&x) {
            return Err(err(
                "`quote-min-words` must be between 3 and 1000".into(),
                Some(v.span()),
            ));
        }
        cfg.params.quote_min_words = x as usize;
    }
    Ok(cfg)
}

impl Config {
    /// The effective configuration as TOML (`crosscheck config`).
    pub fn to_toml(&self) -> String {
        let list = |v: &[String]| {
            v.iter()
                .map(|x| format!("{x:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let levels = |m: &BTreeMap<String, Severity>| {
            m.iter()
                .map(|(r, s)| format!("{r:?} = {:?}", s.as_str()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let kb: Vec<String> = self
            .kb
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        let lexicon: Vec<String> = self
            .lexicon
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        let mut s = format!(
            "# from: {}\nkb = [{}]\nlexicon = [{}]\n\n[rules]\ndisable = [{}]\nlevels = {{ {} }}\n\n[params]\nsame-time-window-days = {}\nquote-similarity = {}\nquote-min-words = {}\n\n[files]\ninclude = [{}]\nexclude = [{}]\n",
            self.path
                .as_ref()
                .map_or("defaults".to_string(), |p| p.to_string_lossy().to_string()),
            list(&kb),
            list(&lexicon),
            list(&self.disabled),
            levels(&self.levels),
            self.params.same_time_window_days,
            self.params.quote_similarity,
            self.params.quote_min_words,
            list(&self.scope.patterns.0),
            list(&self.scope.patterns.1),
        );
        for o in &self.overrides {
            s.push_str(&format!(
                "\n[[overrides]]\npaths = [{}]\ndisable = [{}]\nlevels = {{ {} }}\n",
                list(&o.patterns),
                list(&o.disabled),
                levels(&o.levels)
            ));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_point_into_the_file() {
        let e = parse("c.toml", "kb = []\nfrobnicate = 1\n", Path::new(".")).unwrap_err();
        assert!(e.message.contains("frobnicate"), "{}", e.message);
        let (s, _) = e.span.unwrap();
        assert_eq!(&"kb = []\nfrobnicate = 1\n"[s..s + 10], "frobnicate");
    }

    #[test]
    fn bad_values_point_at_the_value() {
        let text = "[params]\nquote-similarity = 3.0\n";
        let e = parse("c.toml", text, Path::new(".")).unwrap_err();
        let (s, _) = e.span.unwrap();
        assert!(text[s..].starts_with("3.0"));
    }

    #[test]
    fn unknown_rules_are_errors() {
        let e = parse("c.toml", "[rules]\ndisable = [\"nope\"]\n", Path::new(".")).unwrap_err();
        assert!(e.message.contains("unknown rule `nope`"));
    }
}

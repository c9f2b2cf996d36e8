//! Development aid: prints what extraction reads from each file given.
fn main() {
    let lex = crosscheck::lexicon::Lexicon::default_fr();
    let paths: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let corpus = crosscheck::corpus::load(&paths);
    for d in &corpus.documents {
        let c = crosscheck::extract::extract(d, &lex);
        println!(
            "== {} {:?} inferred {:?}",
            d.path, d.meta.date, c.inferred_date
        );
        let t = |s: usize, e: usize| d.text[s..e].replace('\n', " ");
        for p in &c.persons {
            println!(
                "  person {:?}{}",
                p.text(),
                if p.weak { " (weak)" } else { "" }
            );
        }
        for o in &c.offices {
            println!(
                "  office {:?} -> {} {:?} {:?} past={}",
                t(o.start, o.end),
                c.persons[o.holder].text(),
                o.portfolios,
                o.country.map(|x| lex.country_name(x)),
                o.past
            );
        }
        for r in &c.ranks {
            println!(
                "  rank {:?} -> {}",
                t(r.start, r.end),
                c.persons[r.holder].text()
            );
        }
        for r in &c.relations {
            println!(
                "  rel {} {:?} {} [{}]",
                c.persons[r.subject].text(),
                r.kind,
                c.persons[r.object].text(),
                t(r.start, r.end)
            );
        }
        for r in &c.deposed {
            println!(
                "  deposed {} [{}]",
                c.persons[r.person].text(),
                t(r.start, r.end)
            );
        }
        for n in &c.named {
            println!(
                "  named {:?} {:?} key={:?} content={:?}",
                n.class,
                t(n.start, n.end),
                n.key,
                n.content
            );
        }
        for a in &c.acronyms {
            println!(
                "  acr {} {:?} -> {:?}",
                a.acronym,
                a.language,
                t(c.named[a.long].start, c.named[a.long].end)
            );
        }
        for q in &c.quotes {
            println!(
                "  quote [{}] by {:?} src {:?}: {}",
                q.words.len(),
                q.speaker.map(|s| c.persons[s].text()),
                q.source_text,
                t(q.start, q.end).chars().take(70).collect::<String>()
            );
        }
        for x in &c.dates {
            println!("  date {:?} {:?}", t(x.start, x.end), x.partial());
        }
    }
}

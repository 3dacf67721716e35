//! Snapshot tests of what the pipeline makes of each seed page: the articles with their
//! titles, attributions, extracted fields and normalised text. A change in normalisation or splitting shows up
//! as a diff; accept it with `UPDATE_EXPECT=1 cargo test -p shegong-extract --test seeds`.

use expect_test::{expect_file, ExpectFile};
use shegong_extract::process_page;

fn render(file: &str, page: &str) -> String {
    let mut out = String::new();
    for a in process_page(file, page) {
        out.push_str(&format!(
            "=== {}  [{}..{}]\n",
            a.id, a.span.start, a.span.end
        ));
        for (label, value) in [
            ("title", &a.title),
            ("subtitle", &a.subtitle),
            ("byline", &a.byline),
            ("source", &a.source),
            ("caption", &a.caption),
        ] {
            if let Some(v) = value {
                out.push_str(&format!("{label}: {v}\n"));
            }
        }
        if let Some(r) = &a.region {
            let path: Vec<&str> = [&r.province, &r.city, &r.district, &r.town]
                .into_iter()
                .map(|x| x.as_deref().unwrap_or("-"))
                .collect();
            out.push_str(&format!(
                "region: {} ({})\n",
                path.join(" > "),
                r.code.as_deref().unwrap_or("")
            ));
        }
        out.push_str(&format!("programs: {}\n", a.programs.join(", ")));
        if let Some(d) = &a.date {
            out.push_str(&format!(
                "date: {:?}-{:?}-{:?} ({}, {})\n",
                d.year, d.month, d.day, d.precision, d.text
            ));
        }
        let people: Vec<String> = a
            .people
            .iter()
            .map(|p| format!("{}/{}", p.name, p.role.as_deref().unwrap_or("")))
            .collect();
        out.push_str(&format!("people: {}\n", people.join(", ")));
        out.push_str(&format!("organizations: {}\n", a.organizations.join(", ")));
        let numbers: Vec<&str> = a.numbers.iter().map(|n| n.text.as_str()).collect();
        out.push_str(&format!("numbers: {}\n", numbers.join(", ")));
        out.push('\n');
        out.push_str(&a.text);
        out.push_str("\n\n");
    }
    out
}

fn check(file: &str, page: &str, snapshot: ExpectFile) {
    snapshot.assert_eq(&render(file, page));
}

#[test]
fn seed_000() {
    check(
        "seeds/000_3b459c57097bf54f.txt",
        include_str!("../../../seeds/000_3b459c57097bf54f.txt"),
        expect_file!["snapshots/000.txt"],
    );
}

#[test]
fn seed_001() {
    check(
        "seeds/001_1aa23b9ec4780b3c.txt",
        include_str!("../../../seeds/001_1aa23b9ec4780b3c.txt"),
        expect_file!["snapshots/001.txt"],
    );
}

#[test]
fn seed_002() {
    check(
        "seeds/002_e2a4225c82692476.txt",
        include_str!("../../../seeds/002_e2a4225c82692476.txt"),
        expect_file!["snapshots/002.txt"],
    );
}

#[test]
fn seed_003() {
    check(
        "seeds/003_aba6c10dde79d03a.txt",
        include_str!("../../../seeds/003_aba6c10dde79d03a.txt"),
        expect_file!["snapshots/003.txt"],
    );
}

#[test]
fn seed_004() {
    check(
        "seeds/004_5e68e9660a63f3de.txt",
        include_str!("../../../seeds/004_5e68e9660a63f3de.txt"),
        expect_file!["snapshots/004.txt"],
    );
}

//! The plainer agreement figures: pairing two annotators' spans (exactly, or by the
//! characters they share), F1 over those pairs, and Cohen's κ on the labels of paired
//! items.

use std::collections::HashMap;
use std::hash::Hash;
use std::ops::Range;

/// How two lists of spans pair up, one to one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pairing {
    /// Pairs (index in A, index in B) with the same start and end.
    pub exact: Vec<(usize, usize)>,
    /// Pairs that share at least one character, the exact ones included: each span
    /// goes with the one it shares most with, larger overlaps first.
    pub overlapping: Vec<(usize, usize)>,
}

/// Pairs the spans of `a` with those of `b`: equal spans first, then the largest
/// overlaps among what is left (ties go to the earlier spans).
pub fn pair(a: &[Range<u64>], b: &[Range<u64>]) -> Pairing {
    let mut by_span: HashMap<(u64, u64), Vec<usize>> = HashMap::new();
    for (j, s) in b.iter().enumerate().rev() {
        by_span.entry((s.start, s.end)).or_default().push(j);
    }
    let mut taken_a = vec![false; a.len()];
    let mut taken_b = vec![false; b.len()];
    let mut exact = Vec::new();
    for (i, s) in a.iter().enumerate() {
        if let Some(j) = by_span.get_mut(&(s.start, s.end)).and_then(Vec::pop) {
            exact.push((i, j));
            (taken_a[i], taken_b[j]) = (true, true);
        }
    }
    let mut candidates = Vec::new();
    for (i, x) in a.iter().enumerate().filter(|(i, _)| !taken_a[*i]) {
        for (j, y) in b.iter().enumerate().filter(|(j, _)| !taken_b[*j]) {
            let (start, end) = (x.start.max(y.start), x.end.min(y.end));
            if start < end {
                candidates.push((end - start, i, j));
            }
        }
    }
    candidates.sort_by(|p, q| q.0.cmp(&p.0).then((p.1, p.2).cmp(&(q.1, q.2))));
    let mut overlapping = exact.clone();
    for (_, i, j) in candidates {
        if !taken_a[i] && !taken_b[j] {
            overlapping.push((i, j));
            (taken_a[i], taken_b[j]) = (true, true);
        }
    }
    overlapping.sort_unstable();
    Pairing { exact, overlapping }
}

/// F1 of `pairs` pairs between `a` and `b` items: `2·pairs/(a+b)`; `None` when neither
/// has any.
pub fn f1(pairs: usize, a: usize, b: usize) -> Option<f64> {
    (a + b > 0).then(|| 2.0 * pairs as f64 / (a + b) as f64)
}

/// Agreement on labels of paired items: the share that agree, and Cohen's κ.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
pub struct LabelAgreement {
    /// How many items both labelled.
    pub pairs: usize,
    /// The share of them with the same label; `None` with no pairs.
    pub agreement: Option<f64>,
    /// Cohen's κ: `(p_o − p_e)/(1 − p_e)`, the agreement beyond what the two
    /// annotators' own label frequencies would give by chance; `None` when chance
    /// alone already agrees fully (both used one and the same label throughout).
    pub kappa: Option<f64>,
}

/// Percent agreement and Cohen's κ on paired labels.
pub fn label_agreement<L: Eq + Hash>(pairs: &[(L, L)]) -> LabelAgreement {
    let n = pairs.len();
    if n == 0 {
        return LabelAgreement::default();
    }
    let mut counts: HashMap<&L, (usize, usize)> = HashMap::new();
    let mut same = 0;
    for (x, y) in pairs {
        counts.entry(x).or_default().0 += 1;
        counts.entry(y).or_default().1 += 1;
        same += usize::from(x == y);
    }
    let n_f = n as f64;
    let observed = same as f64 / n_f;
    let chance: f64 = counts
        .values()
        .map(|&(in_a, in_b)| (in_a as f64 / n_f) * (in_b as f64 / n_f))
        .sum();
    let kappa = (chance < 1.0 - 1e-12).then(|| (observed - chance) / (1.0 - chance));
    LabelAgreement {
        pairs: n,
        agreement: Some(observed),
        kappa,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labelled(
        counts: &[(&'static str, &'static str, usize)],
    ) -> Vec<(&'static str, &'static str)> {
        counts
            .iter()
            .flat_map(|&(a, b, n)| std::iter::repeat_n((a, b), n))
            .collect()
    }

    #[test]
    fn kappa_of_the_textbook_two_by_two_table() {
        // 50 items: both yes 20, A yes B no 5, A no B yes 10, both no 15:
        // p_o = 0.7, p_e = 0.5·0.6 + 0.5·0.4 = 0.5, κ = 0.4
        let pairs = labelled(&[
            ("y", "y", 20),
            ("y", "n", 5),
            ("n", "y", 10),
            ("n", "n", 15),
        ]);
        let k = label_agreement(&pairs);
        assert_eq!(k.pairs, 50);
        assert!((k.agreement.unwrap() - 0.7).abs() < 1e-12);
        assert!((k.kappa.unwrap() - 0.4).abs() < 1e-12, "{k:?}");
    }

    #[test]
    fn kappa_of_krippendorffs_digitised_example() {
        // Krippendorff's (1995) category A, read character by character as two
        // coders' yes/no: κ = 0.385 (the figure DKPro Statistics reproduces)
        let pairs = labelled(&[("0", "0", 10), ("1", "0", 8), ("1", "1", 6)]);
        let k = label_agreement(&pairs).kappa.unwrap();
        assert!((k - 0.385).abs() < 1e-3, "{k}");
    }

    #[test]
    fn kappa_is_one_for_full_agreement_and_undefined_for_one_shared_label() {
        let full = label_agreement(&labelled(&[("a", "a", 3), ("b", "b", 2)]));
        assert_eq!((full.agreement, full.kappa), (Some(1.0), Some(1.0)));
        let one = label_agreement(&labelled(&[("a", "a", 4)]));
        assert_eq!((one.agreement, one.kappa), (Some(1.0), None));
        let none = label_agreement::<&str>(&[]);
        assert_eq!((none.pairs, none.agreement, none.kappa), (0, None, None));
    }

    #[test]
    fn exact_pairs_come_first_and_overlaps_go_to_the_largest() {
        let a = [0..10, 20..30, 40..50, 60..70];
        let b = [0..10, 25..45, 22..28, 80..90];
        let p = pair(&a, &b);
        assert_eq!(p.exact, vec![(0, 0)]);
        // 20..30 shares 6 with 22..28 and 5 with 25..45; 40..50 then takes 25..45
        assert_eq!(p.overlapping, vec![(0, 0), (1, 2), (2, 1)]);
        assert_eq!(f1(p.exact.len(), a.len(), b.len()), Some(0.25));
        assert_eq!(f1(p.overlapping.len(), a.len(), b.len()), Some(0.75));
        assert_eq!(f1(0, 0, 0), None);
    }

    #[test]
    fn touching_spans_share_nothing_and_equal_spans_pair_once_each() {
        let p = pair(&[0..5, 0..5], &[5..9, 0..5]);
        assert_eq!(p.exact, vec![(0, 1)]);
        assert_eq!(p.overlapping, vec![(0, 1)]);
    }
}

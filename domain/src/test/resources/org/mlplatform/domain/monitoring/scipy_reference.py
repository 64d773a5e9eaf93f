"""Expected values for DriftStatisticsScipyTest, computed with SciPy and NumPy.

Run: python3 scipy_reference.py
The data come from the same deterministic generator as TestData.java (a 31-bit linear
congruential generator), so Java and Python see bit-identical samples. The Evidently-specific
parts (z-test, chi-square expectations, PSI's empty-bin share, Sturges binning) mirror
evidently/legacy/calculations/stattests/*.py.
"""

import numpy as np
import scipy
from scipy.spatial.distance import jensenshannon
from scipy.stats import chisquare, ks_2samp, norm, wasserstein_distance


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def uniform(self):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state / 2147483648.0

    def bell(self):
        # Sum of three uniforms in this order, as Java evaluates it.
        a = self.uniform()
        b = self.uniform()
        c = self.uniform()
        return a + b + c


def numbers(seed, n, scale=1.0, shift=0.0):
    g = Lcg(seed)
    return np.array([g.bell() * scale + shift for _ in range(n)])


def integers(seed, n, scale, shift):
    g = Lcg(seed)
    return np.array([float(np.floor(g.bell() * scale + shift)) for _ in range(n)])


def categories(seed, n, labels, weights):
    g = Lcg(seed)
    cumulative = []
    total = 0.0
    for w in weights:
        total += w
        cumulative.append(total)
    out = []
    for _ in range(n):
        u = g.uniform()
        for label, c in zip(labels, cumulative):
            if u < c:
                out.append(label)
                break
        else:
            out.append(labels[-1])
    return out


def shares(ref, cur):
    keys = sorted(set(ref) | set(cur))
    r = np.array([ref.count(k) / len(ref) for k in keys])
    c = np.array([cur.count(k) / len(cur) for k in keys])
    return keys, r, c


def fill_empty(p):
    # evidently get_binned_data(feel_zeroes=True)
    p = p.copy()
    m = min(p[p != 0])
    np.place(p, p == 0, m / 10**6 if m <= 0.0001 else 0.0001)
    return p


def psi_from_shares(r, c):
    r = fill_empty(r)
    c = fill_empty(c)
    return float(np.sum((r - c) * np.log(r / c)))


def decile_psi(ref, cur):
    edges = np.unique(np.quantile(ref, np.arange(1, 10) / 10))
    nb = len(edges) + 1
    # bins closed on the right: index = number of edges strictly below the value
    r = np.bincount(np.searchsorted(edges, ref, side="left"), minlength=nb) / len(ref)
    c = np.bincount(np.searchsorted(edges, cur, side="left"), minlength=nb) / len(cur)
    return psi_from_shares(r, c)


def category_psi(ref, cur):
    _, r, c = shares(ref, cur)
    return psi_from_shares(r, c)


def chi_p(ref, cur):
    # evidently _chi_stat_test
    keys = sorted(set(ref) | set(cur))
    k_norm = len(cur) / len(ref)
    f_exp = [ref.count(k) * k_norm for k in keys]
    f_obs = [cur.count(k) for k in keys]
    return float(chisquare(f_obs, f_exp)[1])


def z_p(ref, cur):
    # evidently _z_stat_test / proportions_diff_z_stat_ind
    keys = sorted(set(ref) | set(cur))
    r = [0 if x == keys[0] else 1 for x in ref]
    c = [0 if x == keys[0] else 1 for x in cur]
    n1, n2 = len(r), len(c)
    p1, p2 = float(sum(r)) / n1, float(sum(c)) / n2
    P = float(p1 * n1 + p2 * n2) / (n1 + n2)
    z = (p1 - p2) / np.sqrt(P * (1 - P) * (1.0 / n1 + 1.0 / n2))
    return float(2 * (1 - norm.cdf(np.abs(z))))


def wasserstein_norm(ref, cur):
    return float(wasserstein_distance(ref, cur) / max(np.std(ref), 0.001))


def js_categories(ref, cur):
    _, r, c = shares(ref, cur)
    return float(jensenshannon(r, c))


def js_sturges(ref, cur):
    bins = np.histogram_bin_edges(np.concatenate([ref, cur]), bins="sturges")
    r = np.histogram(ref, bins)[0] / len(ref)
    c = np.histogram(cur, bins)[0] / len(cur)
    return float(jensenshannon(r, c)), len(bins) - 1


def show(name, value):
    print(f"{name} = {value!r}")


print("scipy", scipy.__version__, "numpy", np.__version__)

# Kolmogorov-Smirnov: ks_2samp(ref, cur).pvalue (method="auto")
ks_ref = numbers(11, 400)
ks_cur = numbers(23, 300, 1.0, 0.2)
show("ksShifted", float(ks_2samp(ks_ref, ks_cur).pvalue))
show("ksSame", float(ks_2samp(ks_ref, numbers(29, 300)).pvalue))
ties_ref = integers(31, 500, 4.0, 0.0)
ties_cur = integers(37, 400, 4.0, 1.0)
show("ksTies", float(ks_2samp(ties_ref, ties_cur).pvalue))
big_ref = numbers(41, 900)
big_cur = numbers(43, 12000, 1.0, 0.05)
show("ksAsymptotic", float(ks_2samp(big_ref, big_cur).pvalue))
show("psiKsShifted", decile_psi(ks_ref, ks_cur))
show("psiTies", decile_psi(ties_ref, ties_cur))

# Chi-square: chisquare(f_obs, f_exp) with f_exp = reference counts * len(cur) / len(ref)
abcd = ["a", "b", "c", "d"]
chi_ref = categories(51, 600, abcd, [0.4, 0.3, 0.2, 0.1])
chi_cur = categories(53, 500, abcd, [0.37, 0.3, 0.2, 0.13])
show("chiShifted", chi_p(chi_ref, chi_cur))
show("psiChiShifted", category_psi(chi_ref, chi_cur))
new_cur = categories(57, 500, abcd + ["e"], [0.38, 0.3, 0.2, 0.1, 0.02])
show("chiNewCategory", chi_p(chi_ref, new_cur))
show("psiNewCategory", category_psi(chi_ref, new_cur))
num_ref = integers(59, 700, 1.0, 0.0)  # 0..2 -> 3 distinct: categorical numbers
num_cur = integers(61, 650, 0.9, 0.2)
print("numCat distinct", sorted(set(num_ref)), sorted(set(num_cur)))
show("chiNumbers", chi_p(list(num_ref), list(num_cur)))

# z-test, computed as Evidently does
yn = ["no", "yes"]
z_ref = categories(71, 800, yn, [0.7, 0.3])
z_cur = categories(73, 600, yn, [0.62, 0.38])
show("zShifted", z_p(z_ref, z_cur))
show("psiZShifted", category_psi(z_ref, z_cur))
zb_ref = [float(x) for x in categories(75, 900, ["0", "1"], [0.5, 0.5])]
zb_cur = [float(x) for x in categories(77, 1000, ["0", "1"], [0.46, 0.54])]
show("zNumbers", z_p(zb_ref, zb_cur))

# Wasserstein: wasserstein_distance(ref, cur) / max(np.std(ref), 0.001), np.std with ddof=0
w_ref = numbers(81, 3000, 2.0, 1.0)
w_cur = numbers(83, 2500, 2.2, 1.1)
show("wassersteinShifted", wasserstein_norm(w_ref, w_cur))
show("psiWassersteinShifted", decile_psi(w_ref, w_cur))
# A reference spread below 0.001: the norm is floored at 0.001
tiny_ref = np.array([1.0 + (i % 10) * 1e-5 for i in range(2000)])
tiny_cur = np.array([1.0 + (i % 10) * 1.2e-5 for i in range(1500)])
print("tiny std", np.std(tiny_ref))
show("wassersteinTinySpread", wasserstein_norm(tiny_ref, tiny_cur))
show("wassersteinSame", wasserstein_norm(w_ref, numbers(87, 2500, 2.0, 1.0)))

# Jensen-Shannon: jensenshannon(ref_shares, cur_shares), natural log (base=None)
five = ["p", "q", "r", "s", "t"]
js_ref = categories(91, 2000, five, [0.3, 0.25, 0.2, 0.15, 0.1])
js_cur = categories(93, 1500, five, [0.2, 0.2, 0.2, 0.2, 0.2])
show("jsCategories", js_categories(js_ref, js_cur))
show("psiJsCategories", category_psi(js_ref, js_cur))
jb_ref = categories(95, 1500, yn, [0.8, 0.2])
jb_cur = categories(97, 1200, yn, [0.6, 0.4])
show("jsBinary", js_categories(jb_ref, jb_cur))
st_ref = numbers(101, 1500)
st_cur = numbers(103, 1300, 1.3, -0.2)
js_st, nbins = js_sturges(st_ref, st_cur)
show("jsSturges", js_st)
print("jsSturges bins", nbins)

# PSI, empty bins on both sides whose smallest share is <= 0.0001 (filled with min / 1e6)
rare_ref = categories(111, 20000, ["u", "v"], [0.5, 0.5])
rare_ref[0] = "rare"
rare_cur = categories(113, 20000, ["u", "v"], [0.45, 0.55])
rare_cur[0] = "rare2"
show("psiTinyShares", category_psi(rare_ref, rare_cur))

# Deciles interpolated between reference points (numpy.quantile, method="linear"); current values
# sit just beside the edges 1.6, 2.4, 3.6, 5.6 so that a misplaced edge moves them to another bin
q_ref = np.array([1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0])
q_cur = np.array([1.59, 1.61, 2.39, 2.41, 3.59, 3.61, 5.59, 5.61, 30.0, 60.0])
show("decilesSmall", [float(x) for x in np.quantile(q_ref, np.arange(1, 10) / 10)])
show("psiSmallReference", decile_psi(q_ref, q_cur))


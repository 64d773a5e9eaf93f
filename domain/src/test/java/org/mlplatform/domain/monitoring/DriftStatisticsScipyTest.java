package org.mlplatform.domain.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mlplatform.domain.monitoring.TestData.categories;
import static org.mlplatform.domain.monitoring.TestData.integers;
import static org.mlplatform.domain.monitoring.TestData.numbers;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every statistic against SciPy 1.17.1 / NumPy 2.4.6 on the same data. The expected values come
 * from {@code src/test/resources/org/mlplatform/domain/monitoring/scipy_reference.py} (run it with
 * {@code python3} to regenerate them); each test names the SciPy call and the script's variables.
 */
class DriftStatisticsScipyTest {

  private static final DriftAnalyzer ANALYZER = DriftAnalyzer.withDefaults();
  private static final List<String> ABCD = List.of("a", "b", "c", "d");
  private static final List<String> NO_YES = List.of("no", "yes");

  /** Agreement to nine significant digits: far tighter than any wrong formula could reach. */
  private static void assertMatchesScipy(double actual, double expected) {
    assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * 1e-9 + 1e-15));
  }

  private static ColumnDriftResult analyze(DriftColumn column) {
    ColumnDriftResult result = ANALYZER.analyzeColumn(column);
    assertThat(result.status()).isEqualTo(DriftStatus.COMPUTED);
    return result;
  }

  private static double score(ColumnDriftResult result) {
    return result.score().orElseThrow();
  }

  private static double psi(ColumnDriftResult result) {
    return result.psi().orElseThrow();
  }

  @Nested
  class KolmogorovSmirnov {

    @Test
    void shiftedSampleMatchesKs2samp() {
      // ks_2samp(numbers(11, 400), numbers(23, 300, 1.0, 0.2)).pvalue  (exact method)
      ColumnDriftResult result =
          analyze(DriftColumn.numbers("x", numbers(11, 400), numbers(23, 300, 1.0, 0.2)));

      assertThat(result.kind()).contains(ColumnKind.NUMERICAL);
      assertThat(result.method()).contains(DriftMethod.KOLMOGOROV_SMIRNOV);
      assertThat(result.threshold()).hasValue(0.05);
      assertMatchesScipy(score(result), 6.295928834229521e-07);
      assertThat(result.drifted()).isTrue();
      // decile_psi(ks_ref, ks_cur)
      assertMatchesScipy(psi(result), 0.23374706553223412);
      assertThat(result.psiBand()).contains(PsiBand.MODERATE);
    }

    @Test
    void sampleFromTheSameDistributionMatchesKs2samp() {
      // ks_2samp(numbers(11, 400), numbers(29, 300)).pvalue
      ColumnDriftResult result =
          analyze(DriftColumn.numbers("x", numbers(11, 400), numbers(29, 300)));

      assertMatchesScipy(score(result), 0.26596099605359663);
      assertThat(result.drifted()).isFalse();
    }

    @Test
    void tiedIntegersMatchKs2samp() {
      // ks_2samp(integers(31, 500, 4.0, 0.0), integers(37, 400, 4.0, 1.0)).pvalue
      ColumnDriftResult result =
          analyze(
              DriftColumn.numbers("x", integers(31, 500, 4.0, 0.0), integers(37, 400, 4.0, 1.0)));

      assertThat(result.kind()).contains(ColumnKind.NUMERICAL);
      assertMatchesScipy(score(result), 0.004653660397856994);
      assertThat(result.drifted()).isTrue();
      // decile_psi(ties_ref, ties_cur): deciles of tied integers coincide and merge
      assertMatchesScipy(psi(result), 0.10718689096518225);
    }

    @Test
    void largeCurrentSampleMatchesKs2sampAsymptotic() {
      // ks_2samp(numbers(41, 900), numbers(43, 12000, 1.0, 0.05)).pvalue  (over 10,000: asymptotic)
      ColumnDriftResult result =
          analyze(DriftColumn.numbers("x", numbers(41, 900), numbers(43, 12_000, 1.0, 0.05)));

      assertMatchesScipy(score(result), 0.0072587456949491334);
      assertThat(result.drifted()).isTrue();
    }
  }

  @Nested
  class ChiSquare {

    @Test
    void shiftedCategoriesMatchChisquareAgainstReferenceProportions() {
      // chisquare(f_obs, f_exp) with f_exp = reference counts * len(cur) / len(ref), categories
      // sorted union: chi_p(categories(51, 600, abcd, [.4, .3, .2, .1]),
      //                    categories(53, 500, abcd, [.37, .3, .2, .13]))
      ColumnDriftResult result =
          analyze(
              DriftColumn.categories(
                  "c",
                  categories(51, 600, ABCD, 0.4, 0.3, 0.2, 0.1),
                  categories(53, 500, ABCD, 0.37, 0.3, 0.2, 0.13)));

      assertThat(result.kind()).contains(ColumnKind.CATEGORICAL);
      assertThat(result.method()).contains(DriftMethod.CHI_SQUARE);
      assertMatchesScipy(score(result), 0.001648849500754835);
      assertThat(result.drifted()).isTrue();
      // category_psi(chi_ref, chi_cur)
      assertMatchesScipy(psi(result), 0.029330403502681332);
      assertThat(result.psiBand()).contains(PsiBand.NONE);
    }

    @Test
    void categoryUnseenInReferenceGivesPValueZeroLikeScipy() {
      // chisquare(...) with an expected count of 0: statistic inf, p-value 0.0
      ColumnDriftResult result =
          analyze(
              DriftColumn.categories(
                  "c",
                  categories(51, 600, ABCD, 0.4, 0.3, 0.2, 0.1),
                  categories(
                      57, 500, List.of("a", "b", "c", "d", "e"), 0.38, 0.3, 0.2, 0.1, 0.02)));

      assertThat(score(result)).isZero();
      assertThat(result.drifted()).isTrue();
      // category_psi(chi_ref, new_cur): the reference's empty bin "e" gets share 0.0001
      assertMatchesScipy(psi(result), 0.12336264480840779);
    }

    @Test
    void numbersWithThreeValuesAreComparedAsCategories() {
      // chi_p(integers(59, 700, 1.0, 0.0), integers(61, 650, 0.9, 0.2)), values 0, 1, 2
      ColumnDriftResult result =
          analyze(
              DriftColumn.numbers("n", integers(59, 700, 1.0, 0.0), integers(61, 650, 0.9, 0.2)));

      assertThat(result.kind()).contains(ColumnKind.CATEGORICAL);
      assertThat(result.method()).contains(DriftMethod.CHI_SQUARE);
      assertMatchesScipy(score(result), 0.00798317234674758);
    }
  }

  @Nested
  class ProportionZTest {

    @Test
    void binaryCategoriesMatchEvidentlysZTest() {
      // z_p(ref, cur): z = (p1 - p2) / sqrt(P (1 - P) (1/n1 + 1/n2)), p = 2 * (1 - norm.cdf(|z|)),
      // on categories(71, 800, yn, [.7, .3]) and categories(73, 600, yn, [.62, .38])
      ColumnDriftResult result =
          analyze(
              DriftColumn.categories(
                  "b",
                  categories(71, 800, NO_YES, 0.7, 0.3),
                  categories(73, 600, NO_YES, 0.62, 0.38)));

      assertThat(result.kind()).contains(ColumnKind.BINARY);
      assertThat(result.method()).contains(DriftMethod.Z_TEST);
      assertMatchesScipy(score(result), 0.013627026706687806);
      assertThat(result.drifted()).isTrue();
      // category_psi(z_ref, z_cur)
      assertMatchesScipy(psi(result), 0.017673055660365124);
    }

    @Test
    void binaryNumbersMatchEvidentlysZTest() {
      // z_p on [float(x) for x in categories(75, 900, ["0", "1"], [.5, .5])] and (77, 1000, [.46,
      // .54])
      ColumnDriftResult result =
          analyze(
              DriftColumn.numbers(
                  "b",
                  TestData.parsed(categories(75, 900, List.of("0", "1"), 0.5, 0.5)),
                  TestData.parsed(categories(77, 1000, List.of("0", "1"), 0.46, 0.54))));

      assertThat(result.kind()).contains(ColumnKind.BINARY);
      assertMatchesScipy(score(result), 0.011211005516826855);
    }
  }

  @Nested
  class Wasserstein {

    @Test
    void shiftedSampleMatchesWassersteinDistanceOverPopulationStd() {
      // wasserstein_distance(ref, cur) / max(np.std(ref), 0.001)  (np.std: ddof=0)
      // on numbers(81, 3000, 2.0, 1.0) and numbers(83, 2500, 2.2, 1.1)
      ColumnDriftResult result =
          analyze(
              DriftColumn.numbers("w", numbers(81, 3000, 2.0, 1.0), numbers(83, 2500, 2.2, 1.1)));

      assertThat(result.method()).contains(DriftMethod.WASSERSTEIN);
      assertThat(result.threshold()).hasValue(0.1);
      assertMatchesScipy(score(result), 0.36918204503071284);
      assertThat(result.drifted()).isTrue();
      // decile_psi(w_ref, w_cur)
      assertMatchesScipy(psi(result), 0.13415924046940098);
      assertThat(result.psiBand()).contains(PsiBand.MODERATE);
    }

    @Test
    void referenceSpreadBelowOneThousandthIsNormedByOneThousandth() {
      // np.std(tiny_ref) is 2.87e-5, so: wasserstein_distance(tiny_ref, tiny_cur) / 0.001 with
      // tiny_ref = [1.0 + (i % 10) * 1e-5 for i in range(2000)],
      // tiny_cur = [1.0 + (i % 10) * 1.2e-5 for i in range(1500)]
      double[] reference = new double[2000];
      for (int i = 0; i < reference.length; i++) {
        reference[i] = 1.0 + (i % 10) * 1e-5;
      }
      double[] current = new double[1500];
      for (int i = 0; i < current.length; i++) {
        current[i] = 1.0 + (i % 10) * 1.2e-5;
      }

      ColumnDriftResult result = analyze(DriftColumn.numbers("w", reference, current));

      assertThat(result.method()).contains(DriftMethod.WASSERSTEIN);
      assertMatchesScipy(score(result), 0.008999999999992347);
      assertThat(result.drifted()).isFalse();
    }

    @Test
    void sampleFromTheSameDistributionStaysBelowThreshold() {
      // wasserstein_norm(numbers(81, 3000, 2.0, 1.0), numbers(87, 2500, 2.0, 1.0))
      ColumnDriftResult result =
          analyze(
              DriftColumn.numbers("w", numbers(81, 3000, 2.0, 1.0), numbers(87, 2500, 2.0, 1.0)));

      assertMatchesScipy(score(result), 0.03633632379686487);
      assertThat(result.drifted()).isFalse();
    }
  }

  @Nested
  class JensenShannon {

    @Test
    void categoriesMatchJensenshannonWithNaturalLog() {
      // jensenshannon(ref_shares, cur_shares) (base=None: natural log) over the sorted union, on
      // categories(91, 2000, five, [.3, .25, .2, .15, .1]) and categories(93, 1500, five, [.2] * 5)
      List<String> five = List.of("p", "q", "r", "s", "t");
      ColumnDriftResult result =
          analyze(
              DriftColumn.categories(
                  "c",
                  categories(91, 2000, five, 0.3, 0.25, 0.2, 0.15, 0.1),
                  categories(93, 1500, five, 0.2, 0.2, 0.2, 0.2, 0.2)));

      assertThat(result.method()).contains(DriftMethod.JENSEN_SHANNON);
      assertMatchesScipy(score(result), 0.14481189997646332);
      assertThat(result.drifted()).isTrue();
      // category_psi(js_ref, js_cur)
      assertMatchesScipy(psi(result), 0.17054029460020242);
    }

    @Test
    void binaryMatchesJensenshannon() {
      // jensenshannon on categories(95, 1500, yn, [.8, .2]) and categories(97, 1200, yn, [.6, .4])
      ColumnDriftResult result =
          analyze(
              DriftColumn.categories(
                  "b",
                  categories(95, 1500, NO_YES, 0.8, 0.2),
                  categories(97, 1200, NO_YES, 0.6, 0.4)));

      assertThat(result.kind()).contains(ColumnKind.BINARY);
      assertThat(result.method()).contains(DriftMethod.JENSEN_SHANNON);
      assertMatchesScipy(score(result), 0.17479035115682773);
    }

    @Test
    void numbersOverSturgesBinsMatchEvidentlysBinning() {
      // bins = np.histogram_bin_edges(concat(ref, cur), bins="sturges") (13 bins here);
      // jensenshannon(np.histogram(ref, bins)[0] / len(ref), np.histogram(cur, bins)[0] / len(cur))
      // on numbers(101, 1500) and numbers(103, 1300, 1.3, -0.2)
      double[] reference = numbers(101, 1500);
      double[] current = numbers(103, 1300, 1.3, -0.2);
      ColumnDriftResult result =
          analyze(
              DriftColumn.numbers("x", reference, current)
                  .with(DriftOptions.defaults().withMethod(DriftMethod.JENSEN_SHANNON)));

      assertMatchesScipy(score(result), 0.21503323393410195);
      assertThat(SturgesBins.edges(sort(reference), sort(current))).hasSize(14);
    }

    private static double[] sort(double[] values) {
      return java.util.Arrays.stream(values).sorted().toArray();
    }
  }

  @Nested
  class PopulationStability {

    @Test
    void emptyBinsOnSidesWithTinySharesGetTheSmallestShareOverAMillion() {
      // category_psi: each side has one category of 1 in 20,000 (share 5e-5 <= 1e-4) that the
      // other lacks, so each empty bin becomes 5e-5 / 1e6 (evidently get_binned_data)
      String[] reference = categories(111, 20_000, List.of("u", "v"), 0.5, 0.5);
      reference[0] = "rare";
      String[] current = categories(113, 20_000, List.of("u", "v"), 0.45, 0.55);
      current[0] = "rare2";

      ColumnDriftResult result = analyze(DriftColumn.categories("c", reference, current));

      assertMatchesScipy(psi(result), 0.016317089081341656);
    }

    @Test
    void decilesInterpolateLikeNumpyQuantile() {
      // np.quantile([1, 2, 4, 8, 16, 32, 64], np.arange(1, 10) / 10)  (method="linear")
      double[] reference = {1, 2, 4, 8, 16, 32, 64};
      double[] expected = {
        1.6,
        2.4000000000000004,
        3.5999999999999996,
        5.600000000000001,
        8.0,
        12.799999999999997,
        19.19999999999999,
        28.80000000000001,
        44.80000000000001
      };
      for (int k = 1; k <= 9; k++) {
        assertThat(ReferenceDecileBins.linearQuantile(reference, k / 10.0))
            .as("decile %d", k)
            .isEqualTo(expected[k - 1]);
      }
    }

    @Test
    void currentValuesBesideInterpolatedDecilesLandInTheRightBins() {
      // decile_psi(q_ref, q_cur): bins (edge[i-1], edge[i]] at the deciles above
      double[] reference = {1, 2, 4, 8, 16, 32, 64};
      double[] current = {1.59, 1.61, 2.39, 2.41, 3.59, 3.61, 5.59, 5.61, 30, 60};

      ColumnDriftResult result = analyze(DriftColumn.numbers("x", reference, current));

      assertThat(result.kind()).contains(ColumnKind.NUMERICAL);
      assertMatchesScipy(psi(result), 2.656067950775073);
    }

    @Test
    void psiAsTheDriftMethodScoresThePsiItReports() {
      ColumnDriftResult result =
          analyze(
              DriftColumn.numbers("w", numbers(81, 3000, 2.0, 1.0), numbers(83, 2500, 2.2, 1.1))
                  .with(DriftOptions.defaults().withMethod(DriftMethod.PSI)));

      // decile_psi(w_ref, w_cur)
      assertMatchesScipy(score(result), 0.13415924046940098);
      assertThat(result.score()).isEqualTo(result.psi());
      assertThat(result.drifted()).isTrue();
    }

    @Test
    void bandsFollowTheUsualCutOffs() {
      assertThat(PsiBand.of(0.0)).isEqualTo(PsiBand.NONE);
      assertThat(PsiBand.of(0.0999)).isEqualTo(PsiBand.NONE);
      assertThat(PsiBand.of(0.1)).isEqualTo(PsiBand.MODERATE);
      assertThat(PsiBand.of(0.2499)).isEqualTo(PsiBand.MODERATE);
      assertThat(PsiBand.of(0.25)).isEqualTo(PsiBand.SIGNIFICANT);
      assertThat(PsiBand.of(3.0)).isEqualTo(PsiBand.SIGNIFICANT);
    }
  }
}

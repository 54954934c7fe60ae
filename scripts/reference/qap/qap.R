#!/usr/bin/Rscript
# Reference values from R sna (netlm, netlogit) for inference.QAP. Writes
# metrics/testdata/reference/qap/qap.json: the input matrices and, for each
# case, sna's coefficients, t- (or z-) values, R^2 and permutation p-values.
# Run from the repository root (Debian r-cran-sna 2.7-1, r-cran-jsonlite;
# about five minutes):
#
#     /usr/bin/Rscript scripts/reference/qap/qap.R
#
# Data, embedded below as 0/1 rows (row i = ties sent by node i):
#
# - krack: Krackhardt's high-tech managers, 21 managers, directed advice
#   (190 ties), friendship (102) and reports-to (20) relations and the
#   department of each manager (0 = the CEO). Krackhardt, D. (1987).
#   Cognitive social structures. Social Networks 9(2):109-134,
#   doi:10.1016/0378-8733(87)90009-8. Transcribed from the edge lists
#   Krack-High-Tec-edgelist-{Advice,Friendship,ReportsTo}.txt and
#   Krack-High-Tec-Attributes.csv of the Stanford SNA R labs, as copied in
#   github.com/SDS-AAU/SDS-master (00_data/network_krackhard, commit
#   22d089c1c28f3e38c4e220b5baf58387cd5070ab); IDs 1..21 there, rows 1..21
#   here. Tie counts checked against the paper's.
# - flo: Padgett's Florentine families, 16 families, undirected marriage
#   (20 ties) and business (15 ties) relations and family wealth (thousands
#   of lira). Padgett, J. F. and Ansell, C. K. (1993). Robust action and the
#   rise of the Medici, 1400-1434. American Journal of Sociology
#   98(6):1259-1319, doi:10.1086/230190; Breiger, R. L. and Pattison, P. E.
#   (1986), Social Networks 8(3):215-256. Transcribed from flo.rda,
#   flobusiness.rda and flomarriage.rda of the R package statnet.data 0.1-0
#   (github.com/statnet/statnet.data, commit
#   6272770a5d77435e8fe0ad759a0a3a8461776ead, CC BY 4.0), families in
#   alphabetical order as there.
#
# sna conventions that the Go tests must take into account:
# - p-values are mean(T* >= T) over reps permutations, without the +1 of
#   inference.QAP; permutations come from R's RNG (set.seed below), so they
#   agree with ecosys only within Monte Carlo error.
# - mode = "graph" reads the LOWER triangle (gvectorize -> upper.tri.remove);
#   every undirected input here is symmetric, so it is the same as ecosys's
#   upper triangle.
# - netlogit fits with glm.fit(intercept = FALSE) and the column of ones as a
#   predictor, so its null.deviance is that of p = 1/2 (2 N log 2) and its
#   "(Dn-Dr)/Dn" pseudo-R^2 is not McFadden's; McFadden's R^2 (null model:
#   intercept only) is computed here with glm(y ~ 1) and stored as r2.
# - netlogit uses glm.fit's default convergence (epsilon 1e-8) and the QR of
#   its last iteration, whose weights are those of the coefficients before
#   the last step; the logit cases also store a fit converged to epsilon
#   1e-15 with standard errors at the converged coefficients
#   (coefficients_tight, t_tight), to which ecosys is compared at 1e-9.

suppressMessages({
  library(sna)
  library(jsonlite)
})

rows <- function(s) {
  m <- t(sapply(strsplit(s, ""), as.numeric))
  dimnames(m) <- NULL
  m
}

krack_advice <- rows(c(
  "010100010000000101001", "000001100000000000001", "110101111111010011011",
  "110001010111000111011", "110001110110110111111", "000000000000000000001",
  "010001000011010011001", "010101100110000001001", "110001110111010111001",
  "111110010010101111110", "110000100000000000000", "000000100000000000001",
  "110010001000010001000", "010000100000000001001", "111111111111110111111",
  "110000000100000001000", "110100100000000000001", "111110111110111100111",
  "111010100110011001010", "110001010011011111001", "011101110001010011010"))
krack_friendship <- rows(c(
  "010100010001000100000", "100000000000000001001", "000000000000010000100",
  "110000010001000110000", "010000001010010010101", "010000101001000010001",
  "000000000000000000000", "000100000000000000000", "000000000000000000000",
  "001010011001000100010", "111110011001101011100", "100100000000000010001",
  "000010000010000000000", "000000100000001000000", "101011001010010000100",
  "110000000000000000000", "111111111111011100111", "010000000000000000000",
  "111010000011011000010", "000000000010000001000", "010000000001000011000"))
krack_reports <- rows(c(
  "010000000000000000000", "000000100000000000000", "000000000000010000000",
  "010000000000000000000", "000000000000010000000", "000000000000000000001",
  "000000000000000000000", "000000000000000000001", "000000000000010000000",
  "000000000000000001000", "000000000000000001000", "000000000000000000001",
  "000000000000010000000", "000000100000000000000", "000000000000010000000",
  "010000000000000000000", "000000000000000000001", "000000100000000000000",
  "000000000000010000000", "000000000000010000000", "000000100000000000000"))
krack_dept <- as.character(c(4, 4, 2, 4, 2, 1, 0, 1, 2, 3, 3, 1, 2, 2, 2, 4, 1, 3, 2, 2, 1))
stopifnot(sum(krack_advice) == 190, sum(krack_friendship) == 102, sum(krack_reports) == 20)

flo_names <- c("Acciaiuoli", "Albizzi", "Barbadori", "Bischeri", "Castellani", "Ginori",
               "Guadagni", "Lamberteschi", "Medici", "Pazzi", "Peruzzi", "Pucci",
               "Ridolfi", "Salviati", "Strozzi", "Tornabuoni")
flo_marriage <- rows(c(
  "0000000010000000", "0000011010000000", "0000100010000000", "0000001000100010",
  "0010000000100010", "0100000000000000", "0101000100000001", "0000001000000000",
  "1110000000001101", "0000000000000100", "0001100000000010", "0000000000000000",
  "0000000010000011", "0000000011000000", "0001100000101000", "0000001010001000"))
flo_business <- rows(c(
  "0000000000000000", "0000000000000000", "0000110010100000", "0000001100100000",
  "0010000100100000", "0010000010000000", "0001000100000000", "0001101000100000",
  "0010010001000101", "0000000010000000", "0011100100000000", "0000000000000000",
  "0000000000000000", "0000000010000000", "0000000000000000", "0000000010000000"))
flo_wealth <- c(10, 36, 55, 44, 20, 32, 8, 42, 103, 48, 49, 3, 27, 10, 146, 48)
stopifnot(isSymmetric(flo_marriage), isSymmetric(flo_business),
          sum(flo_marriage) == 40, sum(flo_business) == 30)

# same(a): 1 where a[i] == a[j], i != j, both non-missing (""), as
# inference.SameAttribute.
same <- function(a) {
  m <- outer(a, a, "==") * 1
  m[a == "", ] <- 0
  m[, a == ""] <- 0
  diag(m) <- 0
  m
}

# A random three-level attribute of the families, one of them missing, to
# exercise SameAttribute (it should not explain marriages).
set.seed(20240601)
flo_random <- sample(c("a", "b", "c"), length(flo_names), replace = TRUE)
flo_random[12] <- ""   # Pucci
flo_same <- same(flo_random)
flo_wealthdiff <- abs(outer(flo_wealth, flo_wealth, "-"))
krack_samedept <- same(krack_dept)

data <- list(
  krack = list(
    source = "Krackhardt (1987), high-tech managers; Stanford SNA R labs edge lists via github.com/SDS-AAU/SDS-master@22d089c",
    directed = TRUE,
    nodes = as.character(1:21),
    attributes = list(dept = krack_dept),
    matrices = list(advice = krack_advice, friendship = krack_friendship,
                    reports_to = krack_reports, same_dept = krack_samedept)),
  flo = list(
    source = "Padgett & Ansell (1993), Florentine families; R statnet.data 0.1-0 (flo, flobusiness, flomarriage) via github.com/statnet/statnet.data@6272770",
    directed = FALSE,
    nodes = flo_names,
    attributes = list(wealth = flo_wealth, random = flo_random),
    matrices = list(marriage = flo_marriage, business = flo_business,
                    wealth_diff = flo_wealthdiff, same_random = flo_same)))

reps <- 10000
cases <- list()

# stack returns the predictors as the n x n x k array that netlm takes.
stack <- function(ms) {
  a <- array(0, dim = c(length(ms), nrow(ms[[1]]), ncol(ms[[1]])))
  for (k in seq_along(ms)) a[k, , ] <- ms[[k]]
  a
}

vec <- function(m, mode) gvectorize(m, mode = mode, censor.as.na = TRUE)

add_lm <- function(name, d, y, xs, mode, nullhyp, seed) {
  set.seed(seed)
  m <- data[[d]]$matrices
  call <- sprintf("netlm(%s, list(%s), mode = '%s', nullhyp = '%s', reps = %d)",
                  y, paste(xs, collapse = ", "), mode, nullhyp, reps)
  fit <- netlm(m[[y]], stack(m[xs]), mode = mode, nullhyp = nullhyp, reps = reps)
  # R^2 as summary.netlm prints it: mss / (mss + rss), mss about the mean.
  f <- fit$fitted.values
  mss <- sum((f - mean(f))^2)
  rss <- sum(fit$residuals^2)
  cases[[length(cases) + 1]] <<- list(
    name = name, data = d, y = y, x = xs, directed = mode == "digraph", logit = FALSE,
    method = c(qapspp = "dsp", qapy = "y")[[nullhyp]], call = call,
    reps = reps, r_seed = seed, n_pairs = fit$n,
    names = c("(intercept)", xs),
    coefficients = unname(fit$coefficients), t = unname(fit$tstat),
    r2 = mss / (mss + rss),
    p_lower = fit$pleeq, p_upper = fit$pgreq, p_abs = fit$pgreqabs)
}

add_logit <- function(name, d, y, xs, mode, nullhyp, seed) {
  set.seed(seed)
  m <- data[[d]]$matrices
  call <- sprintf("netlogit(%s, list(%s), mode = '%s', nullhyp = '%s', reps = %d)",
                  y, paste(xs, collapse = ", "), mode, nullhyp, reps)
  fit <- netlogit(m[[y]], stack(m[xs]), mode = mode, nullhyp = nullhyp, reps = reps)
  yv <- vec(m[[y]], mode)
  X <- cbind(1, sapply(m[xs], vec, mode = mode))
  ok <- !is.na(yv)
  yv <- yv[ok]
  X <- X[ok, , drop = FALSE]
  tight <- glm.fit(X, yv, family = binomial(), intercept = FALSE,
                   control = glm.control(epsilon = 1e-15, maxit = 100))
  null <- glm.fit(matrix(1, length(yv), 1), yv, family = binomial(), intercept = FALSE,
                  control = glm.control(epsilon = 1e-15, maxit = 100))
  # Standard errors at the converged coefficients: glm.fit's QR has the
  # weights of the iteration before, which moves z by up to 1e-8 here.
  mu <- tight$fitted.values
  se <- sqrt(diag(chol2inv(qr.R(qr(sqrt(mu * (1 - mu)) * X)))))
  cases[[length(cases) + 1]] <<- list(
    name = name, data = d, y = y, x = xs, directed = mode == "digraph", logit = TRUE,
    method = c(qapspp = "dsp", qapy = "y")[[nullhyp]], call = call,
    reps = reps, r_seed = seed, n_pairs = fit$n,
    names = c("(intercept)", xs),
    coefficients = unname(fit$coefficients), t = unname(fit$tstat),
    coefficients_tight = unname(tight$coefficients),
    t_tight = unname(tight$coefficients / se),
    deviance = tight$deviance, null_deviance = null$deviance,
    r2 = 1 - tight$deviance / null$deviance,
    sna_pseudo_r2 = 1 - fit$deviance / fit$null.deviance,
    note = "r2 is McFadden's, 1 - D/D0 with D0 the deviance of the intercept-only model (glm); sna_pseudo_r2 is summary.netlogit's (Dn-Dr)/Dn, whose Dn is the deviance of p = 1/2 (2 N log 2)",
    p_lower = fit$pleeq, p_upper = fit$pgreq, p_abs = fit$pgreqabs)
}

add_lm("krack_advice_dsp", "krack", "advice", c("friendship", "reports_to"), "digraph", "qapspp", 1)
add_lm("krack_advice_y", "krack", "advice", c("friendship", "reports_to"), "digraph", "qapy", 2)
add_lm("flo_marriage_dsp", "flo", "marriage", c("business", "wealth_diff", "same_random"), "graph", "qapspp", 3)
add_lm("flo_marriage_y", "flo", "marriage", c("business", "wealth_diff", "same_random"), "graph", "qapy", 4)
add_logit("krack_advice_logit_dsp", "krack", "advice", c("friendship", "reports_to", "same_dept"), "digraph", "qapspp", 5)
add_logit("flo_marriage_logit_dsp", "flo", "marriage", c("business", "wealth_diff"), "graph", "qapspp", 6)

out <- list(
  provenance = list(
    script = "scripts/reference/qap/qap.R",
    R = R.version.string,
    sna = as.character(packageVersion("sna")),
    jsonlite = as.character(packageVersion("jsonlite"))),
  data = data,
  cases = cases)
dir <- file.path("metrics", "testdata", "reference", "qap")
dir.create(dir, recursive = TRUE, showWarnings = FALSE)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, matrix = "rowmajor"),
           file.path(dir, "qap.json"))

package org.comboscope.core.doseresponse;

/** The two four-parameter curves drc fits, named as drc names them. */
public enum CurveModel {
    /** Log-logistic on dose: {@code f(x) = c + (d − c) / (1 + exp(b (ln x − ln e)))}, e = EC50 > 0. */
    LL4("LL.4"),
    /** Logistic on log dose: {@code f(t) = c + (d − c) / (1 + exp(b (t − e)))}, t = log(dose), e = log EC50. */
    L4("L.4");

    private final String label;

    CurveModel(String label) {
        this.label = label;
    }

    /** drc's name: {@code LL.4} or {@code L.4}. */
    public String label() {
        return label;
    }
}

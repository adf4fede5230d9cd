package th.go.ita.scoring.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An exact rational number, so that means of means are carried without any intermediate rounding and
 * rounded once, where the official sheet prints a figure: 232.75 / 3 × 30 / 100 is exactly 23.275 and
 * rounds half up to 23.28, where dividing first at a working scale gives 23.2749999999… → 23.27.
 */
final class Exact {

    static final Exact ZERO = new Exact(BigInteger.ZERO, BigInteger.ONE);

    private final BigInteger numerator;
    private final BigInteger denominator; // > 0, coprime with the numerator

    private Exact(BigInteger numerator, BigInteger denominator) {
        BigInteger gcd = numerator.gcd(denominator);
        if (gcd.signum() == 0 || gcd.equals(BigInteger.ONE)) {
            this.numerator = numerator;
            this.denominator = denominator;
        } else {
            this.numerator = numerator.divide(gcd);
            this.denominator = denominator.divide(gcd);
        }
    }

    static Exact of(BigDecimal value) {
        if (value.scale() <= 0) {
            return new Exact(value.toBigIntegerExact(), BigInteger.ONE);
        }
        return new Exact(value.unscaledValue(), BigInteger.TEN.pow(value.scale()));
    }

    Exact plus(Exact other) {
        return new Exact(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    Exact times(BigDecimal factor) {
        Exact f = of(factor);
        return new Exact(numerator.multiply(f.numerator), denominator.multiply(f.denominator));
    }

    Exact dividedBy(long divisor) {
        if (divisor <= 0) {
            throw new ArithmeticException("division by " + divisor);
        }
        return new Exact(numerator, denominator.multiply(BigInteger.valueOf(divisor)));
    }

    /** The one rounding: the exact quotient rounded to {@code scale} digits. */
    BigDecimal round(int scale, RoundingMode mode) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, mode);
    }
}

package aigcsim.scenarios.file;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a scenario-file field means and which values it takes: the one declaration the loader validates against and
 * the JSON Schema and the scenario reference are generated from.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Field {
    /** One or two sentences: what the field models, and where its default comes from. */
    String doc();

    /** Smallest allowed number (see {@link #minExclusive()}). */
    double min() default Double.NEGATIVE_INFINITY;

    boolean minExclusive() default false;

    /** Largest allowed number (see {@link #maxExclusive()}). */
    double max() default Double.POSITIVE_INFINITY;

    boolean maxExclusive() default false;

    /** The allowed words of a text field with a fixed set of values; empty: any text the field's doc allows. */
    String[] allowed() default {};
}

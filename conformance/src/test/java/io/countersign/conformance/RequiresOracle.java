package io.countersign.conformance;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a property container that talks to an oracle adapter. With
 * {@code @AddLifecycleHook(RequiresOracle.Check.class)} on the same class, a missing oracle skips
 * the container with the install command in the reason, unless CI=true: then it runs, and its
 * {@code @BeforeContainer} fails with that message.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface RequiresOracle {
    Oracle value();

    /** The skip decision. */
    final class Check implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            java.util.Optional<RequiresOracle> marked = context.findAnnotation(RequiresOracle.class)
                    .or(() -> context.findAnnotationsInContainer(RequiresOracle.class).stream().findFirst());
            if (marked.isEmpty()) {
                return SkipResult.doNotSkip();
            }
            Oracle oracle = marked.get().value();
            if (oracle.installed(Oracle.root()) || Oracle.required()) {
                return SkipResult.doNotSkip();
            }
            return SkipResult.skip(oracle.missing() + "; skipped because CI is not true");
        }
    }
}

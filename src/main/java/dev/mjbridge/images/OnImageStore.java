package dev.mjbridge.images;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code mj.images.store} names a store, i.e. is not {@code none}: bound as the
 * settings bind it, so {@code NONE} or {@code None} count too. A value that does not bind matches,
 * so that {@link ImageProperties} itself reports it with the key and the reason.
 */
final class OnImageStore implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        try {
            return Binder.get(context.getEnvironment())
                    .bind("mj.images.store", ImageProperties.Store.class)
                    .map(store -> store != ImageProperties.Store.NONE)
                    .orElse(true);
        } catch (RuntimeException unbindable) {
            return true;
        }
    }
}

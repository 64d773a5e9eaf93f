package org.mlplatform.portal.serving;

import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.AliasName;

/** An alias of a model was set, moved or removed; deployments serving it follow once committed. */
public record AliasMoved(ResourceName model, AliasName alias) {}

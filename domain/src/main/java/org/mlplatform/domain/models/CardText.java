package org.mlplatform.domain.models;

/**
 * The editable text of a model card, as a person writes it. Each field is optional and at most
 * 10,000 characters; the card shows empty fields as not provided.
 */
public record CardText(
    String intendedUse,
    String limitations,
    String ethicalConsiderations,
    String trainingDataSummary) {

  public CardText {
    intendedUse = Texts.optional("intendedUse", intendedUse, Texts.LONG_TEXT_MAX);
    limitations = Texts.optional("limitations", limitations, Texts.LONG_TEXT_MAX);
    ethicalConsiderations =
        Texts.optional("ethicalConsiderations", ethicalConsiderations, Texts.LONG_TEXT_MAX);
    trainingDataSummary =
        Texts.optional("trainingDataSummary", trainingDataSummary, Texts.LONG_TEXT_MAX);
  }

  public static CardText empty() {
    return new CardText("", "", "", "");
  }

  public boolean isEmpty() {
    return intendedUse.isBlank()
        && limitations.isBlank()
        && ethicalConsiderations.isBlank()
        && trainingDataSummary.isBlank();
  }
}

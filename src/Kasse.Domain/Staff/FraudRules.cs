namespace Kasse.Domain.Staff;

/// <summary>Each rule's default threshold and what it compares, in words for the owner who tunes it.</summary>
public static class FraudRules
{
    public static string SettingKey(FraudRule rule) => "fraud." + rule;

    public static decimal DefaultThreshold(FraudRule rule) => rule switch
    {
        FraudRule.ManyVoidsOrRefunds => 3m,
        FraudRule.RefundsWithoutReceipt => 2m,
        FraudRule.RefundToDifferentCard => 0m,
        FraudRule.NoSaleDrawerOpens => 3m,
        FraudRule.DiscountsAboveThreshold => 2m,
        FraudRule.SalesJustUnderApprovalLimit => 3m,
        FraudRule.PriceOverrides => 3m,
        FraudRule.TrainingOutsideTraining => 5m,
        FraudRule.CashOverShort => 50m,
        FraudRule.ManyPinAttempts => 2m,
    };

    public static string Describe(FraudRule rule) => rule switch
    {
        FraudRule.ManyVoidsOrRefunds => "An employee's voids, taken-back payments and returns in a day, as a multiple of their peers' average (at least 3 events).",
        FraudRule.RefundsWithoutReceipt => "Returns without a receipt by one employee in a day, more than the threshold.",
        FraudRule.RefundToDifferentCard => "Card refunds that go to another card than the one the sale was paid with (or to a card with no sale to compare), more than the threshold.",
        FraudRule.NoSaleDrawerOpens => "Drawer opens without a sale by one employee in a day, more than the threshold.",
        FraudRule.DiscountsAboveThreshold => "Discounts above the approval limit by one employee in a day, more than the threshold.",
        FraudRule.SalesJustUnderApprovalLimit => "Discounts within 2 percentage points under the approval limit by one employee in a day, more than the threshold.",
        FraudRule.PriceOverrides => "Price overrides by one employee in a day, more than the threshold.",
        FraudRule.TrainingOutsideTraining => "Training-mode receipts by one employee in a business day, more than the threshold: real customers may be served in training mode.",
        FraudRule.CashOverShort => "A counted drawer that is over or short by more than the threshold (kr).",
        FraudRule.ManyPinAttempts => "Wrong PINs at one register in a day for more distinct employees than the threshold: someone is trying PINs.",
    };
}

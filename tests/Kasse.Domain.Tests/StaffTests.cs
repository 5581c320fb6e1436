using Kasse.Domain.Staff;

namespace Kasse.Domain.Tests;

public class StaffTests
{
    [Theory]
    [InlineData("1234")]
    [InlineData("123456")]
    public void A_PIN_of_four_to_six_digits_is_fine(string pin) => Employee.EnsureValidPin(pin);

    [Theory]
    [InlineData("123")]
    [InlineData("1234567")]
    [InlineData("12a4")]
    [InlineData("")]
    public void Any_other_PIN_is_refused(string pin) =>
        Refused.With("employee.pin", () => Employee.EnsureValidPin(pin));

    [Theory]
    [InlineData(Role.Cashier, false)]
    [InlineData(Role.Supervisor, true)]
    [InlineData(Role.Manager, true)]
    [InlineData(Role.Owner, true)]
    public void Only_a_supervisor_or_above_refunds_without_a_receipt(Role role, bool allowed) =>
        Assert.Equal(allowed, role.Allows(Permission.RefundWithoutReceipt));

    [Fact]
    public void A_cashier_sells_refunds_with_a_receipt_and_voids()
    {
        Assert.True(Role.Cashier.Allows(Permission.Sell));
        Assert.True(Role.Cashier.Allows(Permission.Refund));
        Assert.True(Role.Cashier.Allows(Permission.VoidSale));
    }

    [Fact]
    public void A_new_employee_is_active_with_a_trimmed_name()
    {
        var employee = new Employee(Guid.CreateVersion7(), "  Mette Frederiksen ", Role.Cashier, "hash");

        Assert.Equal("Mette Frederiksen", employee.Name);
        Assert.True(employee.IsActive);
    }
}

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
    [InlineData(Role.Accountant, false)]
    public void Only_a_supervisor_or_above_refunds_without_a_receipt(Role role, bool allowed) =>
        Assert.Equal(allowed, BuiltInRoles.Defaults(role).Contains(Permission.RefundWithoutReceipt));

    [Fact]
    public void A_cashier_sells_refunds_with_a_receipt_and_voids_but_needs_approval_for_a_no_sale()
    {
        var cashier = BuiltInRoles.Defaults(Role.Cashier);
        Assert.Contains(Permission.Sell, cashier);
        Assert.Contains(Permission.Refund, cashier);
        Assert.Contains(Permission.VoidSale, cashier);
        Assert.DoesNotContain(Permission.NoSaleDrawerOpen, cashier);
    }

    [Fact]
    public void The_accountant_reads_but_changes_nothing_and_the_owner_may_do_everything()
    {
        Assert.Equal(Enum.GetValues<Permission>().Length, BuiltInRoles.Defaults(Role.Owner).Count);
        Assert.DoesNotContain(BuiltInRoles.Defaults(Role.Accountant), p => p is Permission.Sell or Permission.EditProducts or Permission.ManageUsers);
        Assert.Contains(Permission.ViewAudit, BuiltInRoles.Defaults(Role.Accountant));
    }

    [Fact]
    public void The_owner_role_cannot_lose_a_permission()
    {
        var owner = new RoleDefinition("Owner", Enum.GetValues<Permission>());
        Refused.With("role.owner-fixed", () => owner.Grant([Permission.Sell]));
    }

    [Theory]
    [InlineData(4, 0)]
    [InlineData(5, 30)]
    [InlineData(6, 60)]
    [InlineData(7, 120)]
    [InlineData(30, 3600)]
    public void Lockout_starts_after_five_failures_and_doubles_up_to_an_hour(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), SignInLockout.After(failures));

    [Fact]
    public void Worked_time_is_clock_in_to_clock_out_less_breaks()
    {
        var employee = Guid.CreateVersion7();
        var start = new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);
        TimePunch Punch(PunchKind kind, double hours) => new(Guid.CreateVersion7(), employee, kind, start.AddHours(hours), null);

        var shift = Assert.Single(WorkedTime.Shifts([Punch(PunchKind.ClockIn, 0), Punch(PunchKind.BreakStart, 3), Punch(PunchKind.BreakEnd, 3.5),
            Punch(PunchKind.ClockOut, 8)], start.AddDays(1)));

        Assert.Equal(TimeSpan.FromMinutes(30), shift.Breaks);
        Assert.Equal(TimeSpan.FromHours(7.5), shift.Worked);
    }

    [Fact]
    public void Punches_come_in_order()
    {
        TimePunch.EnsureAllowedAfter(null, PunchKind.ClockIn);
        Refused.With("time-clock.out-of-order", () => TimePunch.EnsureAllowedAfter(PunchKind.BreakStart, PunchKind.ClockOut));
        Refused.With("time-clock.out-of-order", () => TimePunch.EnsureAllowedAfter(PunchKind.ClockIn, PunchKind.ClockIn));
    }

    [Fact]
    public void A_new_employee_is_active_with_a_trimmed_name()
    {
        var employee = new Employee(Guid.CreateVersion7(), "  Mette Frederiksen ", nameof(Role.Cashier), "hash");

        Assert.Equal("Mette Frederiksen", employee.Name);
        Assert.True(employee.IsActive);
    }

    [Fact]
    public void Only_an_owner_or_accountant_works_in_every_store_and_a_chain_wide_owner_made_cashier_must_be_given_stores()
    {
        var store = Guid.CreateVersion7();
        var owner = new Employee(Guid.CreateVersion7(), "Eva", nameof(Role.Owner), "hash");
        owner.WorkIn(null);
        var cashier = new Employee(Guid.CreateVersion7(), "Ole", nameof(Role.Cashier), "hash");

        Refused.With("employee.stores", () => cashier.WorkIn(null));
        Refused.With("employee.stores", () => cashier.WorkIn([]));
        Refused.With("employee.stores", () => owner.ChangeRole(nameof(Role.Cashier)));
        owner.WorkIn([store, store]);
        owner.ChangeRole(nameof(Role.Cashier));

        var bookkeeper = new Employee(Guid.CreateVersion7(), "Bo", nameof(Role.Accountant), "hash");
        bookkeeper.WorkIn(null);

        Assert.Null(bookkeeper.StoreIds);
        Assert.Equal([store], owner.StoreIds!);
        Assert.Empty(cashier.StoreIds!);
        Assert.False(StoreAccess.Includes(cashier.StoreIds, store));
        Assert.True(StoreAccess.Includes(null, store));
        Assert.True(StoreAccess.Within(new HashSet<Guid> { store }, null));
        Assert.False(StoreAccess.Within(null, new HashSet<Guid> { store }));
    }
}

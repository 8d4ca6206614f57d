using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dvc.Engine.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DesignerDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "ProcedureVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProcedureDrafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcedureCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AgencyCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    FilesJson = table.Column<string>(type: "TEXT", nullable: false),
                    Revision = table.Column<long>(type: "INTEGER", nullable: false),
                    BaseVersionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PublishedRevision = table.Column<long>(type: "INTEGER", nullable: true),
                    ErrorCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcedureDrafts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureDrafts_AgencyCode",
                table: "ProcedureDrafts",
                column: "AgencyCode");

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureDrafts_ProcedureCode",
                table: "ProcedureDrafts",
                column: "ProcedureCode",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProcedureDrafts");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "ProcedureVersions");
        }
    }
}

namespace Dvc.Engine.Core.Forms;

/// <summary>The JSON type a field holds.</summary>
public enum FormFieldType
{
    String,
    Integer,
    Number,
    Boolean,
    Object,
    Array,
}

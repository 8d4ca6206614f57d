Console.WriteLine("dvc");
